// The rules for every page the browser tests crawl: html-validate's recommended set. A JavaScript file rather than
// .htmlvalidate.json because each rule switched off or changed must say why, and JSON has no comments.
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // The pages are generated: Thymeleaf leaves the templates' indentation where it drops an element, which no browser
    // or reader notices.
    "no-trailing-whitespace": "off",
    // Spring Security writes its CSRF field as <input/>, the templates write <input>; HTML parses both the same.
    "void-style": "off",
    // A label that wraps its field keeps an explicit for=: speech-input software such as Dragon relies on it, and the
    // browser tests find fields by it.
    "no-redundant-for": "off",
    // Links that lead to another page but look like buttons (the GOV.UK start-button pattern) keep role=button for
    // Pico's button style, and impactlab.js lets Space press them as it does buttons; a <button> cannot navigate.
    // Every other role must be the native element.
    // Thymeleaf writes th:checked and th:selected as checked="checked", the templates write required; HTML reads both
    // the same.
    "attribute-boolean-style": "off",
    // Checkbox groups share one name on purpose (Spring binds them to a list) and Spring's th:field adds a hidden
    // "_name" marker beside each checkbox; the rule cannot allow repeated hidden fields.
    "form-dup-name": "off",
    "prefer-native-element": ["error", { exclude: ["button"] }],
  },
};
