/**
 * Impact: owns the anonymous impact facts (tables {@code impact_fact}, {@code impact_rollup},
 * {@code impact_rollup_filtered}) that its listeners write from other modules' events, and the dashboard, exports and open data built on them, with small numbers suppressed.
 * Its one service is {@link eu.impactlab.impact.ImpactService}; see docs/impact.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Impact")
package eu.impactlab.impact;
