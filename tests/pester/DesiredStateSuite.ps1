# Dot-sourced in BeforeAll by the desired-state test files: the shared helpers, the auth-config
# fixtures and support, and the desired-state fixtures, in the order they build on each other.
. (Join-Path $PSScriptRoot 'Common.ps1')
. (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
. (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
. (Join-Path $PSScriptRoot 'DesiredStateFixtures.ps1')
