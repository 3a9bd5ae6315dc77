//! Generated frameworks for benchmarks and scale tests (SPEC section 6).
