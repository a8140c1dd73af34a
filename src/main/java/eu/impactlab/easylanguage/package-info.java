/**
 * Leichte Sprache: owns the check status of the Leichte Sprache texts (table {@code easy_language_check}): which text
 * people of the target group checked, when, by which group, for which exact words (a hash). Its one service is
 * {@link eu.impactlab.easylanguage.EasyLanguageChecks}; the web module asks it whether a page may carry the mark.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Leichte Sprache")
package eu.impactlab.easylanguage;
