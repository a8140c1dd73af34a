/**
 * Partners: owns partner organisations, the partner accounts' membership in them, and their requests for support from
 * intake to a delivered, reported workshop (tables {@code partner_*}). Its one service is
 * {@link eu.impactlab.partners.PartnerService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners")
package eu.impactlab.partners;
