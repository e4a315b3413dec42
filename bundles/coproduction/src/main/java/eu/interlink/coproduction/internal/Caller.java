package eu.interlink.coproduction.internal;

import java.security.Principal;

/** The user a request is made for, as the kernel's services take it. */
record Caller(String name) implements Principal {
    @Override
    public String getName() {
        return name;
    }
}
