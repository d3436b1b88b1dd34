import VersusCore

/// Foundation has a `Measurement` of its own (units); here the name means the catalog's.
public typealias Measurement = VersusCore.Measurement
