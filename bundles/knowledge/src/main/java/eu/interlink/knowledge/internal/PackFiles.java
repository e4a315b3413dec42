package eu.interlink.knowledge.internal;

import java.io.IOException;
import java.util.Set;

/** The files of a pack, by path inside it (a bundle, or a folder in tests and the pack's own build). */
interface PackFiles {

    /** The names of the folders directly under {@code folder} that hold an {@code interlinker.json}. */
    Set<String> interlinkerFolders(String folder) throws IOException;

    /**
     * The bytes of the file at {@code path}, or {@code null} when there is none.
     *
     * @throws IOException also when the file is larger than {@code limit} bytes
     */
    byte[] read(String path, int limit) throws IOException;
}
