/**
 * Web: owns what every page shares and no capability does: the layout, the language switch, the start, privacy and
 * accessibility pages, error pages, the security configuration and the rate limits. It owns no tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package eu.impactlab.web;
