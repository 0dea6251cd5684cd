# Dot-sourced (after Common.ps1) by the auth-config Pester files: a private toolkit cache, the
# emulator started and connected, and helpers to read what the emulator received.

function Start-AuthConfigTestEmulator([string] $Catalog) {
    # A per-run cache folder, so no test depends on (or writes to) a user's toolkit cache.
    $script:TestCacheDir = Join-Path ([IO.Path]::GetTempPath()) "composio-pester-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $env:COMPOSIO_CACHE_DIR = $script:TestCacheDir
    $params = @{}
    if ($Catalog) { $params.Catalog = $Catalog }
    $emulator = Start-ComposioEmulator @params
    Connect-TestEmulator $emulator | Out-Null
    $emulator
}

function Stop-AuthConfigTestEmulator($Emulator) {
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

function Get-CreateRequest($Emulator) { @(Get-WireRequest $Emulator POST '*/auth_configs') }

function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

# Completions of a command line, as the prompt's Tab would offer them.
function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }
