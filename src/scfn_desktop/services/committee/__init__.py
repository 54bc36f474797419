"""The 認定審査委員会 in the app: meetings (`meetings`), the dossier and the rules' proposal per
trainee (`dossier`, `facts`), decisions and amendments (`decisions`), the 欠格事由 records
(`grounds`), the agency's 認証 and revocations (`certification`), and the outputs: notices,
the 認定者名簿, the 所属機関リスト and the results table (`notices`, `register`, `exports`)."""
