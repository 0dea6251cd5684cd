<#
    Starts, stops and steers the local Composio API emulator (src/Composio.Emulator) for the
    tests, the demo and the benchmarks. These functions are thin wrappers over the emulator
    launcher the xunit suites use too (tools/Composio.EmulatorControl, built by ./build.ps1 Build
    into out/emulator-control/). The emulator is always started here and stopped by the caller:
    nothing relies on a server started by hand.
#>
Set-StrictMode -Version 3.0

$script:RepoRoot = Split-Path $PSScriptRoot -Parent

if (-not ('Composio.EmulatorControl.EmulatorLauncher' -as [type])) {
    $launcher = Join-Path $script:RepoRoot 'out/emulator-control/Composio.EmulatorControl.dll'
    if (-not (Test-Path $launcher)) { throw "The emulator launcher is not built at '$launcher'; run ./build.ps1 Build." }
    Add-Type -Path $launcher
}

function Start-ComposioEmulator {
    [CmdletBinding()]
    param(
        [string[]] $ApiKey = @('ak_emulator_test'),
        [string] $Catalog,
        [string] $EmulatorPath = (Join-Path $script:RepoRoot 'out/emulator/Composio.Emulator.dll'),
        # Seconds to wait for the emulator to say where it listens; by default the launcher's
        # (30 s, scaled by the machine's load).
        [int] $TimeoutSec
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built at '$EmulatorPath'; run ./build.ps1 Build." }
    $options = [Composio.EmulatorControl.EmulatorOptions]::new()
    $options.DllPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($EmulatorPath)
    foreach ($key in $ApiKey) { $options.ApiKeys.Add($key) }
    if ($Catalog) { $options.Catalog = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($Catalog) }
    if ($TimeoutSec -gt 0) { $options.StartTimeout = [timespan]::FromSeconds($TimeoutSec) }
    # Output goes to files in LogDir; the launcher kills the process if it exits or stays silent.
    try { $instance = [Composio.EmulatorControl.EmulatorLauncher]::Start($options) }
    catch [System.Management.Automation.MethodInvocationException] { throw $_.Exception.InnerException }
    [pscustomobject]@{
        PSTypeName = 'Composio.EmulatorInstance'
        Process    = $instance.Process
        BaseUri    = $instance.BaseUri.GetLeftPart([UriPartial]::Authority)
        ApiKey     = $instance.ApiKey
        LogDir     = $instance.LogDir
        Instance   = $instance
    }
}

function Stop-ComposioEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        # Kills the process tree, waits for it, removes LogDir.
        if ($Emulator) { $Emulator.Instance.Stop() }
    }
}

# Waits for one admin call and returns its JSON answer as ConvertFrom-Json makes it; a failure
# surfaces as the launcher's own exception.
function Receive-EmulatorAnswer([Parameter(Mandatory)] [System.Threading.Tasks.Task] $Call) {
    try { $answer = $Call.GetAwaiter().GetResult() }
    catch [System.Management.Automation.MethodInvocationException] { throw $_.Exception.InnerException }
    if ($null -ne $answer) { $answer.ToJsonString() | ConvertFrom-Json }
}

function Reset-ComposioEmulator([Parameter(Mandatory)] $Emulator) {
    Receive-EmulatorAnswer $Emulator.Instance.Admin.ResetAsync() | Out-Null
}

function Get-ComposioEmulatorRequest([Parameter(Mandatory)] $Emulator) {
    # Returned as an array even when there is one, so callers can count.
    , @(Receive-EmulatorAnswer $Emulator.Instance.Admin.GetRequestsAsync())
}

function Clear-ComposioEmulatorRequest([Parameter(Mandatory)] $Emulator) {
    Receive-EmulatorAnswer $Emulator.Instance.Admin.ClearRequestsAsync() | Out-Null
}

function Add-ComposioEmulatorFault([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable[]] $Rule) {
    $rules = ConvertTo-Json -InputObject @($Rule) -Depth 10 -Compress
    Receive-EmulatorAnswer $Emulator.Instance.Admin.AddFaultsJsonAsync($rules) | Out-Null
}

function Clear-ComposioEmulatorFault([Parameter(Mandatory)] $Emulator) {
    Receive-EmulatorAnswer $Emulator.Instance.Admin.ClearFaultsAsync() | Out-Null
}

function Add-ComposioEmulatorSeed([Parameter(Mandatory)] $Emulator, [string] $Toolkit = 'github', [int] $Count = 100, [string] $NamePrefix = 'bulk-', [bool] $Managed = $true) {
    Receive-EmulatorAnswer $Emulator.Instance.Admin.SeedAsync($Toolkit, $Count, $NamePrefix, $Managed)
}

Export-ModuleMember -Function Start-ComposioEmulator, Stop-ComposioEmulator, Reset-ComposioEmulator, Get-ComposioEmulatorRequest,
    Clear-ComposioEmulatorRequest, Add-ComposioEmulatorFault, Clear-ComposioEmulatorFault, Add-ComposioEmulatorSeed
