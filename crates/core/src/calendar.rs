//! Placeholder: the calendar exporter is being written.
