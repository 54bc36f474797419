"""Certificates (認定証): the record created by the agency's 認証 (`records`). The card's life
(printing, revisions, renewal) is built on these records by the certificates capability."""
