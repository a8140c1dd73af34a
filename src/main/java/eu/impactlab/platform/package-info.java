/**
 * Platform: owns what every module runs on and no capability owns: the embedded PostgreSQL, the {@code impactlab.*}
 * settings, the demo-data policy, the clock, secret tokens, contact rules, SQL state codes, jobs that run once across
 * instances, Bremen's districts, and the event publication table. Open, so other modules may use its types directly.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package eu.impactlab.platform;
