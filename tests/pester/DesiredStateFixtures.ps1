# Dot-sourced after Common.ps1, AuthConfigFixtures.ps1 and AuthConfigTestSupport.ps1 by the Sync*.Tests.ps1 files: desired-state
# files in the test drive, and what the emulator holds and received.

# Writes a desired-state file (UTF-8, no BOM) and returns its path.
function New-DesiredFile([Parameter(Mandatory)] [string] $Text, [string] $Extension = 'psd1') {
    $path = Join-Path $TestDrive "desired-$([guid]::NewGuid().ToString('N').Substring(0, 8)).$Extension"
    [IO.File]::WriteAllText($path, $Text)
    $path
}

# Requests that could change something: anything but GET.
function Get-WriteRequest([Parameter(Mandatory)] $Emulator) { @(Get-ApiRequest $Emulator | Where-Object method -ne 'GET') }

# Every config on the emulator, disabled ones too, as the wire shows them (read directly, not through the module).
function Get-ServerConfig([Parameter(Mandatory)] $Emulator) {
    @((Invoke-EmulatorApi $Emulator GET 'auth_configs?show_disabled=true&limit=50').items)
}

# The server configs with one identity.
function Get-ServerConfigNamed([Parameter(Mandatory)] $Emulator, [string] $Toolkit, [string] $Name) {
    @(Get-ServerConfig $Emulator | Where-Object { $_.toolkit.slug -eq $Toolkit -and $_.name -ceq $Name })
}
