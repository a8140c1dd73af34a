package eu.impactlab.courses;

/**
 * The answers of the registration pages so far. They travel from page to page in hidden fields of POST forms (never
 * in the address, where they would end up in logs and browser histories).
 */
class RegistrationForm {

    private String name;
    private String email;
    private String phone;
    private String ageBand;
    private String gender;
    private String stadtteil;
    private boolean consent;
    private String website; // the honeypot: people never see it, bots fill it in
    private String key;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String ageBand) { this.ageBand = ageBand; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getStadtteil() { return stadtteil; }
    public void setStadtteil(String stadtteil) { this.stadtteil = stadtteil; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }

    RegistrationRequest request(long courseId, String uiLanguage, String actor) {
        return new RegistrationRequest(courseId, name, email, phone, consent, ageBand, gender, stadtteil, uiLanguage,
                key == null || key.isBlank() ? null : "form:" + key, actor);
    }
}
