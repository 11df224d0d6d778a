@_exported import InputKit
