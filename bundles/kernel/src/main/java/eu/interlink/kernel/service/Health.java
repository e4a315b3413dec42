package eu.interlink.kernel.service;

import java.util.Map;

/**
 * The platform's health.
 *
 * @param status     {@code UP}, or {@code DOWN} when a component the platform cannot work without is down
 * @param components each part by name ({@code store}, {@code registry}…): a {@code status} and details
 */
public record Health(String status, Map<String, Map<String, Object>> components) {
    public boolean up() {
        return "UP".equals(status);
    }
}
