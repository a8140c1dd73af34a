/**
 * Privacy: owns the register of processing built from every module's declaration of its personal data, the records of
 * deletion runs, data subjects' requests and the audit trail (tables {@code privacy_deletion_run},
 * {@code privacy_request}, {@code privacy_audit}), the citizen's "what we store about you" page, the privacy notices
 * and the staff's person search.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package eu.impactlab.privacy;
