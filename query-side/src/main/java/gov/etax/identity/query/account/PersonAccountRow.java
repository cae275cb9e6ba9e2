package gov.etax.identity.query.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A person's account as the projection writes it: one row of {@code person_account} and its phones, in order. */
record PersonAccountRow(String personId, String documentType, String documentNumberMasked, String name, String username,
                        int realNameLevel, Instant registeredAt, List<String> phonesMasked) {

    PersonAccountRow {
        phonesMasked = List.copyOf(phonesMasked);
    }

    PersonAccountRow withPhoneBound(String phoneMasked) {
        List<String> phones = new ArrayList<>(phonesMasked);
        phones.add(phoneMasked);
        return withPhones(phones);
    }

    /** Masks can coincide; removing either of two equal masks leaves the same view. */
    PersonAccountRow withPhoneUnbound(String phoneMasked) {
        List<String> phones = new ArrayList<>(phonesMasked);
        phones.remove(phoneMasked);
        return withPhones(phones);
    }

    PersonAccountRow withUsername(String newUsername) {
        return new PersonAccountRow(personId, documentType, documentNumberMasked, name, newUsername, realNameLevel,
                registeredAt, phonesMasked);
    }

    PersonAccountRow withRealNameLevel(int level) {
        return new PersonAccountRow(personId, documentType, documentNumberMasked, name, username, level, registeredAt,
                phonesMasked);
    }

    private PersonAccountRow withPhones(List<String> phones) {
        return new PersonAccountRow(personId, documentType, documentNumberMasked, name, username, realNameLevel,
                registeredAt, phones);
    }
}
