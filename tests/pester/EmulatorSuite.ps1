# Dot-sourced at the top of a test file (not inside a block): the file's emulator, started once with
# the shared helpers and the auth-config fixtures before its tests, stopped after them.
BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    $emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $emulator
}
