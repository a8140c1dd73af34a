-- The room of a course in each language, like its title and summary ("Kursraum 1 (Erdgeschoss)" is "Курсова кімната 1
-- (перший поверх)" in Ukrainian). course.room stays the German name: the source every translation starts from and
-- what a page shows, marked lang="de", where a language has none. No personal data.
ALTER TABLE course_text ADD COLUMN room VARCHAR(200);
