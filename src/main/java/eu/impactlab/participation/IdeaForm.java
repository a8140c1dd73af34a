package eu.impactlab.participation;

/** The proposal form as sent; every field is kept as typed so a page with errors loses nothing. */
public class IdeaForm {

    private String lab;
    private String kind;
    private String title;
    private String text;
    private String language;
    private String nickname;
    private String email;
    private boolean consent;
    private String website;
    private String key;

    ParticipationService.Proposal proposal(String uiLanguage) {
        return new ParticipationService.Proposal(lab, kind, title, text, language, nickname, email, consent, uiLanguage);
    }

    public String getLab() { return lab; }
    public void setLab(String lab) { this.lab = lab; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getLanguage() { return language; }
    public void setLanguage(String language) { this.language = language; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    /** The honeypot: people never see or fill it. */
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
    /** Makes a form sent twice (a double tap, the back button) one idea. */
    public String getKey() { return key; }
    public void setKey(String key) { this.key = key; }
}
