/// A self-signed certificate for `localhost` and `127.0.0.1`, valid until 2126, made with
/// `openssl req -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=localhost
/// -addext subjectAltName=DNS:localhost,IP:127.0.0.1`. For the test server only: the key is public.
public enum TestCertificate {
    public static let certificatePEM = """
        -----BEGIN CERTIFICATE-----
        MIIDJzCCAg+gAwIBAgIURY3QXU37yJ8Rout1rH5gMO+SW6YwDQYJKoZIhvcNAQEL
        BQAwFDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTEyOTA1NDkyMFoYDzIxMjYx
        MTA1MDU0OTIwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwggEiMA0GCSqGSIb3DQEB
        AQUAA4IBDwAwggEKAoIBAQDpMXFBNhAmRimfqknavbMWEbLXRmpmthuCO9C46Bal
        MORqLkW+fsLkYZijhO3t3RCFIeT5GAPVtPZbW4m14wO/KCPLShkuBAOUjSGgxa8R
        svRhkIArSoDztEcAJLlMXPk5AAop76KVRKZShzW7s1TJZQ0VUzlfmhMQKAKPEEii
        yGQMtMNx4t2TGaDgIrk9ouRiL+xU9ylJTErApkaIu2yyht7u8nBcg+dfuniNzC+v
        AX4MD1i96Z6VFCruSnonTPZ5S12w/99mh5aTXaCmU4Z7oQA9ZIxBd8K4pDtJYwPb
        0N7cCnUsvXjtqmenyDDyTLLk6PF9JWu25Piy7evulMa7AgMBAAGjbzBtMB0GA1Ud
        DgQWBBSpsProM1xhDsYYUW3ewKYyvnl1KDAfBgNVHSMEGDAWgBSpsProM1xhDsYY
        UW3ewKYyvnl1KDAPBgNVHRMBAf8EBTADAQH/MBoGA1UdEQQTMBGCCWxvY2FsaG9z
        dIcEfwAAATANBgkqhkiG9w0BAQsFAAOCAQEAymJoPGFSMvR3LN2PLcBfVltWoUJ+
        dmMdKkpK5pMfC69bV1VJflx/YJqMp89yUhuYaNzx9xu+BcwraXPG/Q54jr7ff+Px
        9Vr4Vl/9s6yM7Szjkq8gWxmSJ77LyeU9GYiw7WYcMqQdJhLzXeTcv9GlDKY57prl
        Y8eftNjVyL2wHS+PY91HumLIH9y1rYRH3QXRsxFg2EfZ8E1JY3FJT7KlFN8mm78m
        EuX2kJ1ligB3czCmZTHriQerSiM7xUbBEktk8+mDaEPZvBPprioU1s85O3nPimiq
        IPWsAA10tW3wGgvk2GhpHqCveDLARTbBYJ3kOnWnXyryYe/02zY2rVn+ig==
        -----END CERTIFICATE-----
        """

    static let privateKeyPEM = """
        -----BEGIN PRIVATE KEY-----
        MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDpMXFBNhAmRimf
        qknavbMWEbLXRmpmthuCO9C46BalMORqLkW+fsLkYZijhO3t3RCFIeT5GAPVtPZb
        W4m14wO/KCPLShkuBAOUjSGgxa8RsvRhkIArSoDztEcAJLlMXPk5AAop76KVRKZS
        hzW7s1TJZQ0VUzlfmhMQKAKPEEiiyGQMtMNx4t2TGaDgIrk9ouRiL+xU9ylJTErA
        pkaIu2yyht7u8nBcg+dfuniNzC+vAX4MD1i96Z6VFCruSnonTPZ5S12w/99mh5aT
        XaCmU4Z7oQA9ZIxBd8K4pDtJYwPb0N7cCnUsvXjtqmenyDDyTLLk6PF9JWu25Piy
        7evulMa7AgMBAAECggEAEh+APcvbKsj+fc+DjeHQWUFm33Q0MLyrxqNUxV9u4x0O
        +MbqhLOKp1UubQbtDDTHY+a5H4146X2hkoK6tngTgne20HB3JIG2BYWHvNxK5C/p
        mOuHX9Xvz6uNw7psQZMNi3CFWbJWCw5wHq8uGI2yDooxShxTCSsK8DvWdxKSPT76
        WIggy3+9UYML+eGoaD+ybQMTPipgjztKau9iS9RQx7dgnBHEDLA8B5aQNtpclk88
        oI6fwabv8MGUrNJ9N8L6AfI7oh6NpAf9/DxdEa0T/BK67YjBdc2NX8qKdFgoy0tw
        v2rHloNpRZHYvlUjn4hwEWiZIvmrVWvzv3YKM8+WgQKBgQD/tWO0Y6bGP4tyNg35
        MEkj7vSs1uK/hsbnA5rHTbpG20jFCS/vIx4nTZlmsB82RCM0ffI/cHlL/pQ1pgIz
        oAqogE1GqeDmNf+UuBSVZOmIqfamQUCPavTvqNGWbhLTgCtYFCStgg6HB36BhlNK
        MnViMnLnMt2ss+NLUDG8T2RM1wKBgQDpdXu/htYNWFy3h+NPxaN3+HNCpZrG1LCZ
        TmDhUGKgAkI9YGnFHy4XVYz5miDfYbItazxySRTVSK9mfDHKKwkeRzASQIK0b4LQ
        DW3WRxHISFkLbeHToPK3DHnvs8bRBadVcpw/KGNcrD9IxNA2ZbOu1BHKchShkg3Q
        u4IRGorUvQKBgQDyM2I0C6t83dV8IX0MyVKNyZlRWNw/Iy6kw8JIAvRshumfT7tq
        W64E9jhVjn6RzOo3nw/kTOlnNMQ3KH2vXmiZ/6SySNfv1be2qsE8W+/jdXFdOjMn
        ZNyJYDLctHf6gs0LSVEQUz7lYRDPKGcdwTtz/mrdWE2ldmHVBSmGvwA20wKBgQDP
        HqLWLerz1gQT86QQnthDVJH1e/TQF9xBds7utqF5MefQihvsfZgnrYev3jTx2bv5
        HZ14CyxHeP/cHa0SnpGtYhzc5IzRRek5aeCbbVvyY3VUdX0Xg0AydAguSEHIKYrm
        fRLv2YYlrs9KYQoUaLA8F/tcr09sdKZ7HA/t2q12xQKBgQDrjC3dIo9upUkbIjht
        kGDMvfe41oHtRNugfDXkwVwGpGK7vj7AZ1I9kTLAF+oilxZX188MEHNuB7C4sNaR
        sUPvZe3OnIvFneQsLMRVDsQGZ9HV5TFvODXIcP3tRMatt3YywbgHd1tmAh9szos0
        OESGobB9NxqysOyQ4NN4vzYRfA==
        -----END PRIVATE KEY-----
        """
}
