/**
 * Skills: the anonymous DigComp 2.2 self-check at {@code /skills} (short and full mode, pause and resume by a private
 * link), its result with a learning path into the labs' upcoming courses, and the before/after self-check of a course's
 * participants (tables {@code skills_*}). Its one service is {@link eu.impactlab.skills.SkillsService}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Skills")
package eu.impactlab.skills;
