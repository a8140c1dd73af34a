package eu.impactlab.courses;

import java.util.List;

/**
 * What the impact module may know about a course: no title, no room, no person.
 *
 * @param courseId     the course, by id
 * @param labId        the lab that runs it
 * @param targetGroups target group keys (YOUTH, SCHOOL_LEAVERS, JOB_SEEKERS, WOMEN_AND_GIRLS, SENIORS, FAMILIES,
 *                     NEWCOMERS, SMALL_BUSINESSES), possibly empty
 * @param competences  DigComp 2.2 competence codes ("1.1" … "5.4"), possibly empty
 * @param language     the language of instruction, as a tag ("de", "tr")
 * @param technical    whether it is a technical course (coding, making), counted apart for the share of women and girls
 */
public record CourseFacts(long courseId, long labId, List<String> targetGroups, List<String> competences,
        String language, boolean technical) {

    public CourseFacts {
        targetGroups = List.copyOf(targetGroups);
        competences = List.copyOf(competences);
    }
}
