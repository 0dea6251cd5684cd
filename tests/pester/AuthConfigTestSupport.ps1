# Dot-sourced (after Common.ps1) by the auth-config Pester files: helpers to read what the emulator
# received and to complete a command line.

# The auth-config path of the API version the module speaks, as the emulator logs it and fault rules match it.
$ConfigsPath = '/api/v3.1/auth_configs'

# A fault rule (or rules) on the file's emulator ($emulator).
function Add-Fault([hashtable[]] $Rule) { Add-ComposioEmulatorFault $emulator -Rule $Rule }

function Get-CreateRequest($Emulator) { @(Get-WireRequest $Emulator POST '*/auth_configs') }

function ConvertTo-Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }

# Completions of a command line, as the prompt's Tab would offer them.
function Get-Completion([string] $Line) { (TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches }

# The chaos mix of fault rules on the auth-config path: refusals, gateway errors, dropped connections
# before and after the server acted, and latency, seeded so a run is repeatable. Reliability.Tests.ps1
# runs it one by one, Bulk.Tests.ps1 with 8 in flight.
function Get-ChaosFault([Parameter(Mandatory)] [string] $ConfigsPath) {
    @(
        @{ method = 'POST'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '50' }; probability = 0.12; seed = 1 }
        @{ method = 'POST'; path = $ConfigsPath; kind = 'status'; status = 503; headers = @{ 'Retry-After' = '0' }; probability = 0.08; seed = 2 }
        @{ method = 'POST'; path = $ConfigsPath; kind = 'status'; status = 500; probability = 0.05; seed = 3 }
        @{ method = 'POST'; path = $ConfigsPath; kind = 'drop_before'; probability = 0.04; seed = 4 }
        @{ method = 'POST'; path = $ConfigsPath; kind = 'drop_after'; probability = 0.05; seed = 5 }
        @{ method = $null; path = $ConfigsPath; kind = 'latency'; delay_ms = 1300; probability = 0.015; seed = 6 }
        @{ method = 'DELETE'; path = $ConfigsPath; kind = 'status'; status = 500; probability = 0.08; seed = 7 }
        @{ method = 'DELETE'; path = $ConfigsPath; kind = 'status'; status = 429; headers = @{ 'retry-after-ms' = '50' }; probability = 0.08; seed = 8 }
        @{ method = 'DELETE'; path = $ConfigsPath; kind = 'drop_after'; probability = 0.06; seed = 9 }
        @{ method = 'DELETE'; path = $ConfigsPath; kind = 'drop_before'; probability = 0.04; seed = 10 }
        @{ method = $null; path = $ConfigsPath; kind = 'latency'; delay_ms = 30; probability = 0.1; seed = 11 }
    )
}

# The chaos runs' start: a fresh emulator, a connection with a short per-attempt timeout (latency
# faults cost little; the default 2 retries), the toolkit fetched once before the faults (so only
# auth-config calls are disturbed), then the chaos mix, which it returns (to set again later).
function Start-Chaos {
    Reset-ComposioEmulator $emulator
    Connect-TestEmulator $emulator @{ TimeoutSec = 1 } | Out-Null
    Get-ComposioAuthConfigField -Toolkit github | Out-Null
    $faults = Get-ChaosFault $ConfigsPath
    Add-Fault $faults
    $faults
}
