package eu.impactlab.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Phone numbers the Leichte Sprache way: the country and area code as written, then the number in pairs of digits
 * from the end (a leading group of 3 where the count is odd), separated by spaces: 0421 123 45 67.
 */
final class PhoneGroups {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/\\-]*");

    private PhoneGroups() {
    }

    static String group(String number) {
        String typed = number.strip();
        if (!PHONE.matcher(typed).matches()) {
            return number; // words or an extension: leave it as the lab wrote it
        }
        List<String> parts = new ArrayList<>(Arrays.asList(typed.replaceAll("[()]", " ").strip().split("[ /\\-]+")));
        List<String> head = new ArrayList<>();
        if (parts.get(0).startsWith("+") && parts.size() > 1) {
            head.add(parts.remove(0));
            if (parts.size() > 1 && parts.get(0).equals("0")) {
                parts.remove(0); // the "(0)" that is dialled only from within the country
            }
        }
        if (parts.size() > 1) {
            head.add(parts.remove(0));
        } else if (parts.get(0).startsWith("0") && parts.get(0).length() > 6) {
            // typed without any space: Bremen's and mobile area codes have 4 digits
            head.add(parts.get(0).substring(0, 4));
            parts.set(0, parts.get(0).substring(4));
        }
        String rest = String.join("", parts);
        List<String> groups = new ArrayList<>();
        int end = rest.length();
        while (end > 0) {
            int start = end - 2 == 1 ? 0 : Math.max(0, end - 2);
            groups.add(0, rest.substring(start, end));
            end = start;
        }
        head.addAll(groups);
        return String.join(" ", head);
    }
}
