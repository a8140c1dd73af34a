/**
 * Skills: owns the anonymous DigComp 2.2 self-check at {@code /skills} (short and full mode, pause and resume by a
 * private link), its result with a learning path into the labs' upcoming courses, the before/after self-check of a
 * course's participants, the funders' anonymous figures, and Open Badges 3.0 for course completers (tables
 * {@code skills_*}; the issuer key file). Its one service is {@link eu.impactlab.skills.SkillsService}; it publishes
 * {@link eu.impactlab.skills.SelfCheckCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills")
package eu.impactlab.skills;
