package gov.etax.identity.query.account;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonAccountRepository extends JpaRepository<PersonAccount, String> {
}
