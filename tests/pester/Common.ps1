# Dot-sourced by every Pester file in BeforeAll: paths, the built module, the emulator helpers.
$RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')).ModuleVersion
$ModuleManifest = Join-Path $RepoRoot "out/Composio/$ModuleVersion/Composio.psd1"
Import-Module (Join-Path $RepoRoot 'tools/EmulatorControl.psm1') -Force
Import-Module $ModuleManifest -Force

function Connect-TestEmulator([Parameter(Mandatory)] $Emulator, [hashtable] $Extra = @{}) {
    $key = ConvertTo-SecureString $Emulator.ApiKey -AsPlainText -Force
    Connect-Composio -ApiKey $key -BaseUri $Emulator.BaseUri @Extra
}

# Runs a script in a brand-new pwsh with the built module imported; returns its output lines.
function Invoke-FreshPwsh([Parameter(Mandatory)] [string] $Script) {
    $pwsh = (Get-Process -Id $PID).Path
    $full = "Import-Module '$ModuleManifest'; $Script"
    & $pwsh -NoProfile -NonInteractive -Command $full 2>&1
}
