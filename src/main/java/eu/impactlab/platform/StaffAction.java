package eu.impactlab.platform;

/**
 * A change or a view of personal data by staff, for the audit trail, published by modules the privacy module itself
 * depends on (accounts, labs), so they need not call it. Published inside the change's transaction; the privacy module
 * records it there, so the entry and the change commit together. Ids and non-personal values only.
 *
 * @param username who did it (resolved to an account id when recorded), or null for the system
 */
public record StaffAction(String username, String action, String objectType, String objectId, Long labId, String details) {
}
