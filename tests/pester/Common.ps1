# Dot-sourced by every Pester file in BeforeAll: paths, the built module, the emulator helpers.
$RepoRoot = Resolve-Path (Join-Path $PSScriptRoot '../..')
$ModuleVersion = (Import-PowerShellDataFile (Join-Path $RepoRoot 'Composio.psd1')).ModuleVersion
# The module under test: the built one, or the one `build.ps1 Test -Installed` installed from the package.
$ModuleManifest = if ($env:COMPOSIO_TEST_MODULE) { $env:COMPOSIO_TEST_MODULE } else { Join-Path $RepoRoot "out/Composio/$ModuleVersion/Composio.psd1" }
Import-Module (Join-Path $RepoRoot 'tools/EmulatorControl.psm1') -Force
Import-Module $ModuleManifest -Force

function Connect-TestEmulator([Parameter(Mandatory)] $Emulator, [hashtable] $Extra = @{}) {
    $key = ConvertTo-SecureString $Emulator.ApiKey -AsPlainText -Force
    # -SkipCheck: tests of other features should not see Connect-Composio's key check on the wire.
    Connect-Composio -ApiKey $key -BaseUri $Emulator.BaseUri -PassThru -SkipCheck @Extra
}

# A child pwsh like this one: under `dotnet pwsh` the process is dotnet, and pwsh.dll sits in $PSHOME.
function Invoke-Pwsh {
    $exe = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { & $exe (Join-Path $PSHOME 'pwsh.dll') @args }
    else { & $exe @args }
}

# Runs a script in a brand-new pwsh with the built module imported; returns its output lines.
function Invoke-FreshPwsh([Parameter(Mandatory)] [string] $Script) {
    Invoke-Pwsh -NoProfile -NonInteractive -Command "Import-Module '$ModuleManifest'; $Script" 2>&1
}

# Runs a script file as a scheduled task or CI job would: a new pwsh, -NonInteractive, stdin closed.
# Returns every line it wrote (output and errors).
function Invoke-UnattendedScript([Parameter(Mandatory)] [string] $Path) {
    $exe = [Environment]::ProcessPath
    $pwshArgs = if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { "'$(Join-Path $PSHOME 'pwsh.dll')'" } else { '' }
    bash -c "'$exe' $pwshArgs -NoProfile -NonInteractive -File '$Path' < /dev/null 2>&1"
}

# The emulator started with a private toolkit cache folder (no test reads or writes a user's cache), and connected.
# -ApiKey: the keys it accepts (the first connects); two keys are two connections that never match as one project.
function Start-TestEmulator([string] $Catalog, [string[]] $ApiKey) {
    # A per-run cache folder, so no test depends on (or writes to) a user's toolkit cache.
    $script:TestCacheDir = Join-Path ([IO.Path]::GetTempPath()) "composio-pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $env:COMPOSIO_CACHE_DIR = $script:TestCacheDir
    $params = @{}
    if ($Catalog) { $params.Catalog = $Catalog }
    if ($ApiKey) { $params.ApiKey = $ApiKey }
    $emulator = Start-ComposioEmulator @params
    Connect-TestEmulator $emulator | Out-Null
    $emulator
}

function Stop-TestEmulator($Emulator) {
    Disconnect-Composio
    if ($Emulator) { $Emulator | Stop-ComposioEmulator }
    if ($script:TestCacheDir) { Remove-Item $script:TestCacheDir -Recurse -Force -ErrorAction SilentlyContinue }
    $env:COMPOSIO_CACHE_DIR = $null
}

# The API requests the emulator received (admin calls are not logged), optionally filtered.
function Get-WireRequest($Emulator, [string] $Method, [string] $PathLike = '*') {
    $all = Get-ComposioEmulatorRequest $Emulator
    $all | Where-Object { (-not $Method -or $_.method -eq $Method) -and $_.path -like $PathLike }
}
