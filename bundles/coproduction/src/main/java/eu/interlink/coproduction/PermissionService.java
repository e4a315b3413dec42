package eu.interlink.coproduction;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import eu.interlink.kernel.service.Page;

/**
 * Who may do what on a process: grants to teams on the process or a subtree, and participation requests.
 * {@code user} is the caller's account name, or {@code anonymous}. A process the caller may not read is a 404,
 * as if it did not exist; a change needs an administrator of the process (403 otherwise).
 */
@ProviderType
public interface PermissionService {

    /** What {@code user} may do on the process ({@code itemId} empty) or on one item; 404 for no such process or item. */
    Rights rights(String processId, Optional<String> itemId, String user);

    /** The grants on a process, process-wide ones first; administrators only. */
    List<Permission> list(String processId, String user);

    /** Grants {@code teamId} rights on the process or on {@code itemId}'s subtree; 409 if that team already has a grant there. */
    Permission grant(String processId, Optional<String> itemId, String teamId, boolean access, boolean createAssets, boolean deleteAssets,
            String user);

    /** Changes the flags given (null keeps one). */
    Permission change(String processId, String permissionId, Boolean access, Boolean createAssets, Boolean deleteAssets, String user);

    void revoke(String processId, String permissionId, String user);

    /** Asks to take part in a public process; 409 when already an administrator or member, or a request is pending. */
    ParticipationRequest requestParticipation(String processId, String message, String user);

    /** Administrators see every request; anyone else who may read the process sees their own. Newest first. */
    Page<ParticipationRequest> participationRequests(String processId, Optional<ParticipationRequest.Status> status, String user,
            int offset, int limit);

    /**
     * Accepts a pending request: the applicant joins {@code teamId}, which must hold a grant on this process and
     * which the deciding administrator must also administer (a team's members are its administrators' to choose).
     */
    ParticipationRequest accept(String processId, String requestId, String teamId, String user);

    ParticipationRequest decline(String processId, String requestId, String user);
}
