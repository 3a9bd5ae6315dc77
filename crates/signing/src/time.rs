//! Conversions between chrono's UTC times and the ASN.1 times of certificates and CMS.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, Utc};
use x509_cert::time::Time;

use crate::error::{Error, Result};

/// The ASN.1 time for `when`, to the second: UTCTime up to 2049, GeneralizedTime after (RFC 5280).
pub(crate) fn to_asn1(when: DateTime<Utc>) -> Result<Time> {
    let seconds = u64::try_from(when.timestamp())
        .map_err(|_| Error::Signing(format!("{when} is before 1970, which certificates cannot hold")))?;
    let system = UNIX_EPOCH + Duration::from_secs(seconds);
    Time::try_from(system).map_err(|e| Error::Signing(format!("{when} cannot be written as an ASN.1 time: {e}")))
}

/// The UTC time an ASN.1 time stands for.
pub(crate) fn from_asn1(time: &Time) -> Result<DateTime<Utc>> {
    let system: SystemTime = UNIX_EPOCH + time.to_unix_duration();
    let seconds = system.duration_since(UNIX_EPOCH).map_err(|e| Error::Certificate(e.to_string()))?.as_secs();
    let seconds = i64::try_from(seconds).map_err(|e| Error::Certificate(e.to_string()))?;
    DateTime::from_timestamp(seconds, 0).ok_or_else(|| Error::Certificate(format!("time {time} is out of range")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_survives_the_round_trip_through_asn1_to_the_second() {
        let when = DateTime::parse_from_rfc3339("2026-03-04T05:06:07.890Z").unwrap().to_utc();
        let back = from_asn1(&to_asn1(when).unwrap()).unwrap();
        assert_eq!(back.to_rfc3339(), "2026-03-04T05:06:07+00:00");
    }

    #[test]
    fn times_after_2049_use_generalized_time() {
        let when = DateTime::parse_from_rfc3339("2051-01-01T00:00:00Z").unwrap().to_utc();
        assert!(matches!(to_asn1(when).unwrap(), Time::GeneralTime(_)));
        let when = DateTime::parse_from_rfc3339("2049-12-31T23:59:59Z").unwrap().to_utc();
        assert!(matches!(to_asn1(when).unwrap(), Time::UtcTime(_)));
    }
}
