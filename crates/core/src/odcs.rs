//! Placeholder: the odcs exporter is being written.
