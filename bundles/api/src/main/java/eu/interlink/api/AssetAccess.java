package eu.interlink.api;

import java.security.Principal;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How an Interlinker's own pages and endpoints reach the data of its assets outside a kernel call. The kernel
 * registers this service per bundle: each Interlinker sees the assets of the Interlinker ids it registers, and
 * no others.
 */
@ProviderType
public interface AssetAccess {

    /**
     * Runs {@code work} on the asset in one transaction: committed when it returns, rolled back when it throws.
     *
     * @param user   who is acting, or {@code null} for anonymous access
     * @throws AssetNotFoundException when the asset does not exist or belongs to another Interlinker
     * @throws RuntimeException       what {@code work} threw, as is when unchecked, wrapped otherwise
     */
    <T> T withAsset(String assetId, Locale locale, Principal user, AssetWork<T> work);
}
