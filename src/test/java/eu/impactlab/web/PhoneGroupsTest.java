package eu.impactlab.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Phone numbers in Leichte Sprache: the area code, then the number in pairs from the end, however it was typed. */
class PhoneGroupsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0421 1234567|0421 123 45 67",
            "0421/1234567|0421 123 45 67",
            "0421-123456|0421 12 34 56",
            "04211234567|0421 123 45 67",
            "0421 000 0001|0421 000 00 01",
            "+49 421 1234567|+49 421 123 45 67",
            "+49 (0)421 1234567|+49 421 123 45 67",
            "0171 2345678|0171 234 56 78",
            "0421 123 45 67 (Zentrale)|0421 123 45 67 (Zentrale)"})
    void groupsThePhoneNumber(String typed, String shown) {
        assertThat(PhoneGroups.group(typed)).isEqualTo(shown);
    }
}
