@_exported import FakeServers
