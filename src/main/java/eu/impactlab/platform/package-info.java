/**
 * Platform: what every module runs on (the embedded PostgreSQL, settings, clocks). Open, so other modules may
 * use its types directly.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package eu.impactlab.platform;
