package gov.etax.identity.command.person;

import gov.etax.identity.command.person.registration.OfflineCollections;
import gov.etax.identity.command.person.signin.SignInReason;
import gov.etax.identity.command.sms.SmsRecipients;
import gov.etax.identity.kernel.person.DocumentNumber;
import gov.etax.identity.kernel.person.MobilePhone;
import gov.etax.identity.kernel.person.PersonName;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The persons' phones and hall collections, as the SMS module asks for them. */
@Component
public class PersonSmsRecipients implements SmsRecipients {

    private final PersonDirectory directory;
    private final PersonPhones phones;
    private final OfflineCollections offlineCollections;

    public PersonSmsRecipients(PersonDirectory directory, PersonPhones phones, OfflineCollections offlineCollections) {
        this.directory = directory;
        this.phones = phones;
        this.offlineCollections = offlineCollections;
    }

    @Override
    public boolean isBound(MobilePhone phone) {
        return directory.withPhone(phone).isPresent();
    }

    @Override
    public MobilePhone soleLoginPhone(DocumentNumber document) {
        return phones.soleLoginPhone(directory.withDocument(document)
                .orElseThrow(SignInReason.ACCOUNT_NOT_REGISTERED::refusal));
    }

    @Override
    public Optional<String> hallCollection(DocumentNumber document, PersonName name) {
        return offlineCollections.find(document, name)
                .filter(OfflineCollections.HallCollection::sameName)
                .map(collection -> "hall:" + document.type() + ":" + collection.collectionId());
    }
}
