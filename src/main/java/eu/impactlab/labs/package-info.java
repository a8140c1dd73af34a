/**
 * Labs: owns the labs (tables {@code lab*}), their addresses, weekly opening hours, closures and Bremen's public
 * holidays, accessibility facts, languages and texts per language, and the public lab pages. Its one service is
 * {@link eu.impactlab.labs.LabService}; {@link eu.impactlab.labs.LabAccess} says who may act for which lab.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Labs")
package eu.impactlab.labs;
