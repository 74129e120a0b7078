-- Mail-server changes were recorded about a "Domain", while a domain's history reads "MailDomain":
-- they were never shown there. Postroom now writes one name per kind of subject; earlier entries follow.
update audit_entry set subject_type = 'MailDomain' where subject_type = 'Domain';
