package eu.impactlab.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The German Sign Language videos the operator publishes on the start page in Leichte Sprache (BITV 2.0 §4): files
 * the operator hosts on the labs' own server, each with a captions file; its length and size are shown beside it,
 * as BITV 2.0 Anlage 2 asks, so people on a small data plan know before they start it.
 *
 * @param videos the videos in the order they are shown; none by default, and the page then says where they will go
 */
@ConfigurationProperties("impactlab.sign-language")
record SignLanguageVideos(@DefaultValue List<Video> videos) {

    /**
     * @param title    what the video explains, in German
     * @param url      the video file (MP4), on the operator's own server
     * @param captions the WebVTT captions file, on the operator's own server
     * @param minutes  length in whole minutes
     * @param megabytes file size
     */
    record Video(String title, String url, String captions, int minutes, int megabytes) {
    }
}
