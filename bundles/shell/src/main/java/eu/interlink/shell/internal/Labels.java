package eu.interlink.shell.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.support.CommandException;

import eu.interlink.api.Nature;
import eu.interlink.kernel.service.InterlinkerStatus;

/** The lower-case, hyphenated names the shell shows and accepts, the same as the JSON API's. */
final class Labels {
    private Labels() {
    }

    static String label(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws CommandException naming the valid values when {@code raw} is none of them */
    static InterlinkerStatus status(String raw) throws CommandException {
        return parse(InterlinkerStatus.class, raw, "status");
    }

    /** @throws CommandException naming the valid values when {@code raw} is none of them */
    static Nature nature(String raw) throws CommandException {
        return parse(Nature.class, raw, "nature");
    }

    /** Accepts the label in any case, with '-' or '_' between words. */
    static <E extends Enum<E>> E parse(Class<E> type, String raw, String what) throws CommandException {
        String wanted = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (E e : type.getEnumConstants()) {
            if (label(e).equals(wanted)) return e;
        }
        throw Failures.error("Unknown " + what + " '" + (raw == null ? "" : raw.strip()) + "': use one of " + valid(type));
    }

    static String valid(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Labels::label).collect(Collectors.joining(", "));
    }
}
