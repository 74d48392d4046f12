package dev.docannotator.analysis;

import java.util.Locale;

/** Which English the grammar and spelling check expects. */
public enum EnglishVariant {
    AMERICAN("en-US"), BRITISH("en-GB"), AUSTRALIAN("en-AU"), CANADIAN("en-CA"), NEW_ZEALAND("en-NZ"),
    SOUTH_AFRICAN("en-ZA");

    private final String languageCode;

    EnglishVariant(String languageCode) {
        this.languageCode = languageCode;
    }

    /** The LanguageTool language code, e.g. "en-US"; also the value reported in a grammar check's params. */
    public String languageCode() {
        return languageCode;
    }

    /**
     * Reads a setting value: "american", "us", "en-US", "british", "uk", "gb", "en-GB", "australian", "au", "en-AU",
     * "canadian", "ca", "en-CA", "nz", "en-NZ", "za", "en-ZA" (any case); null or blank is American. Anything else
     * is refused with a message naming the accepted values.
     */
    public static EnglishVariant fromSetting(String value) {
        if (value == null || value.isBlank()) {
            return AMERICAN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "american", "us", "en-us" -> AMERICAN;
            case "british", "uk", "gb", "en-gb" -> BRITISH;
            case "australian", "au", "en-au" -> AUSTRALIAN;
            case "canadian", "ca", "en-ca" -> CANADIAN;
            case "new zealand", "nz", "en-nz" -> NEW_ZEALAND;
            case "south african", "za", "en-za" -> SOUTH_AFRICAN;
            default -> throw new IllegalArgumentException("Unknown English variant \"" + value
                    + "\"; use american (en-US), british (en-GB), australian (en-AU), canadian (en-CA), "
                    + "new zealand (en-NZ) or south african (en-ZA).");
        };
    }
}
