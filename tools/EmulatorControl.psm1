<#
    Starts, stops and steers the local Composio API emulator (src/Composio.Emulator) for the
    tests, the demo and the benchmarks. The emulator is always started here and stopped by the
    caller: nothing relies on a server started by hand.
#>
Set-StrictMode -Version 3.0

$script:RepoRoot = Split-Path $PSScriptRoot -Parent

function Start-ComposioEmulator {
    [CmdletBinding()]
    param(
        [string[]] $ApiKey = @('ak_emulator_test'),
        [string] $Catalog,
        [string] $EmulatorPath = (Join-Path $script:RepoRoot 'out/emulator/Composio.Emulator.dll'),
        [int] $TimeoutSec = 20
    )
    if (-not (Test-Path $EmulatorPath)) { throw "The emulator is not built at '$EmulatorPath'; run ./build.ps1 Build." }
    $logDir = New-Item -ItemType Directory -Force (Join-Path ([IO.Path]::GetTempPath()) "composio-emulator-$([guid]::NewGuid().ToString('N').Substring(0, 8))")
    $stdout = Join-Path $logDir 'stdout.txt'
    $arguments = @($EmulatorPath, '--port', '0')
    foreach ($key in $ApiKey) { $arguments += @('--api-key', $key) }
    if ($Catalog) { $arguments += @('--catalog', $Catalog) }
    # Output goes to files, not pipes: nobody has to keep draining them for the server to go on.
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $stdout -RedirectStandardError (Join-Path $logDir 'stderr.txt')
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $uri = $null
    while (-not $uri) {
        if ($process.HasExited) { throw "The emulator exited at start ($($process.ExitCode)): $(Get-Content (Join-Path $logDir 'stderr.txt') -Raw)" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw "The emulator did not say where it listens within $TimeoutSec s." }
        $text = Get-Content $stdout -Raw -ErrorAction SilentlyContinue
        if ($text -match 'Now listening on: (http://\S+)') { $uri = $Matches[1].TrimEnd('/') } else { Start-Sleep -Milliseconds 25 }
    }
    [pscustomobject]@{
        PSTypeName = 'Composio.EmulatorInstance'
        Process    = $process
        BaseUri    = $uri
        ApiKey     = $ApiKey[0]
        LogDir     = $logDir.FullName
    }
}

function Stop-ComposioEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $Emulator.Process.WaitForExit(5000) | Out-Null
        }
        Remove-Item $Emulator.LogDir -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-EmulatorAdmin([Parameter(Mandatory)] $Emulator, [string] $Method, [string] $Path, $Body) {
    $params = @{ Method = $Method; Uri = "$($Emulator.BaseUri)/_emulator/$Path" }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10 -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Reset-ComposioEmulator([Parameter(Mandatory)] $Emulator) { Invoke-EmulatorAdmin $Emulator POST reset @{} | Out-Null }

function Get-ComposioEmulatorRequest([Parameter(Mandatory)] $Emulator) {
    # Returned as an array even when there is one, so callers can count. Invoke-RestMethod hands
    # a JSON array over as one object: unroll it, or callers get an array holding the array.
    , @(Invoke-EmulatorAdmin $Emulator GET requests | ForEach-Object { $_ })
}

function Clear-ComposioEmulatorRequest([Parameter(Mandatory)] $Emulator) { Invoke-EmulatorAdmin $Emulator DELETE requests | Out-Null }

function Add-ComposioEmulatorFault([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [hashtable[]] $Rule) {
    Invoke-EmulatorAdmin $Emulator POST faults @{ rules = $Rule } | Out-Null
}

function Clear-ComposioEmulatorFault([Parameter(Mandatory)] $Emulator) { Invoke-EmulatorAdmin $Emulator DELETE faults | Out-Null }

function Add-ComposioEmulatorSeed([Parameter(Mandatory)] $Emulator, [string] $Toolkit = 'github', [int] $Count = 100, [string] $NamePrefix = 'bulk-', [bool] $Managed = $true) {
    Invoke-EmulatorAdmin $Emulator POST seed @{ toolkit = $Toolkit; count = $Count; name_prefix = $NamePrefix; managed = $Managed }
}

Export-ModuleMember -Function Start-ComposioEmulator, Stop-ComposioEmulator, Reset-ComposioEmulator, Get-ComposioEmulatorRequest,
    Clear-ComposioEmulatorRequest, Add-ComposioEmulatorFault, Clear-ComposioEmulatorFault, Add-ComposioEmulatorSeed
