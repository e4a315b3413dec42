package eu.interlink.coproduction;

import java.util.List;

/**
 * What one caller may do on a process or on one of its items, as the platform decides it.
 *
 * @param read         may know the process exists and read it, its tree and its assets' metadata: a public
 *                     process, an administrator, or a member of a team holding a grant on it
 * @param administer   administers the process: may do everything on it
 * @param access       may open and work on the assets here (through their Interlinkers' pages)
 * @param createAssets may add assets to the task(s) here
 * @param deleteAssets may remove assets here
 * @param roles        {@code administrator}, {@code member} (of a team with a grant in the process), {@code public}
 * @param teams        the caller's teams whose grants decided {@code access}, {@code createAssets} and
 *                     {@code deleteAssets} here (the deepest level holding one of their grants)
 */
public record Rights(boolean read, boolean administer, boolean access, boolean createAssets, boolean deleteAssets,
        List<String> roles, List<String> teams) {

    public static final Rights NONE = new Rights(false, false, false, false, false, List.of(), List.of());

    public static Rights administrator() {
        return new Rights(true, true, true, true, true, List.of("administrator"), List.of());
    }
}
