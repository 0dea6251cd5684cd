# Automation-grade behaviour: what a script that runs unattended relies on. -Debug and -Verbose
# never prompt or fail, errors obey -ErrorAction, data pipes in from CSV and other cmdlets, script
# blocks are evaluated per object, mistakes are caught before sending, reports read well.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator
    function Get-Write($Emulator) { @(Get-ApiRequest $Emulator | Where-Object method -ne 'GET') }

}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Streams never prompt: every cmdlet with -Debug, -Verbose and both, non-interactive with stdin closed' {
    It 'runs the whole lifecycle with <Flags>: no prompt, no failure, no secret, each change made once' -ForEach @(
        @{ Flags = '-Debug' }
        @{ Flags = '-Verbose' }
        @{ Flags = '-Debug -Verbose' }
    ) {
        Reset-ComposioEmulator $emulator
        $secret = 'matrix-SECRET-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $rotated = $secret + '-rotated'
        $tag = ($Flags -replace '[^A-Za-z]', '').ToLowerInvariant()
        $file = Join-Path $TestDrive "matrix-$tag.psd1"
        $script = Join-Path $TestDrive "matrix-$tag.ps1"
        @"
`$ErrorActionPreference = 'Continue'
Import-Module '$ModuleManifest'
`$env:COMPOSIO_CACHE_DIR = '$($env:COMPOSIO_CACHE_DIR)'
function Step([string] `$Name, [scriptblock] `$Block) {
    try { `$null = & `$Block; "STEP `$Name OK" } catch { "STEP `$Name FAIL `$(`$_.FullyQualifiedErrorId) `$(`$_.Exception.Message)" }
}
`$s1 = ConvertTo-SecureString '$secret' -AsPlainText -Force
`$s2 = ConvertTo-SecureString '$rotated' -AsPlainText -Force
Step Connect { Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' $Flags -ErrorAction Stop }
Step New { `$script:made = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'matrix-$tag' -ClientId 'cid-$tag' -ClientSecret `$s1 $Flags -ErrorAction Stop; if (-not `$script:made.Id) { throw 'no id' } }
Step GetById { Get-ComposioAuthConfig -Id `$script:made.Id $Flags -ErrorAction Stop }
Step List { Get-ComposioAuthConfig -Toolkit notion $Flags -ErrorAction Stop }
Step Set { Set-ComposioAuthConfig -Id `$script:made.Id -ClientSecret `$s2 $Flags -ErrorAction Stop }
Step Disable { Disable-ComposioAuthConfig -Id `$script:made.Id $Flags -ErrorAction Stop }
Step Enable { Enable-ComposioAuthConfig -Id `$script:made.Id $Flags -ErrorAction Stop }
Step Toolkit { Get-ComposioToolkit -Slug notion $Flags -ErrorAction Stop }
Step Fields { Get-ComposioAuthConfigField -Toolkit notion -AuthScheme OAUTH2 $Flags -ErrorAction Stop }
Step Connection { Get-ComposioConnection $Flags -ErrorAction Stop }
Step Export { Export-ComposioAuthConfig -Path '$file' -Toolkit notion $Flags -ErrorAction Stop }
Step Sync { Sync-ComposioAuthConfig -Path '$file' $Flags -ErrorAction Stop }
Step Remove { Remove-ComposioAuthConfig -Id `$script:made.Id -Force $Flags -ErrorAction Stop }
Step Disconnect { Disconnect-Composio $Flags }
"@ | Set-Content $script
        $output = Invoke-UnattendedScript $script
        $text = $output -join "`n"
        $steps = @($output | Where-Object { $_ -like 'STEP *' })
        $steps.Count | Should -Be 14 -Because $text
        @($steps | Where-Object { $_ -notlike '* OK' }) | Should -BeNullOrEmpty -Because $text
        $text | Should -Not -Match 'NonInteractive mode|Read and Prompt|Confirm|Continue with this operation'
        $text | Should -Not -Match ([regex]::Escape($secret))
        $text | Should -Match 'DEBUG|VERBOSE'
        # The server was changed exactly once per change.
        $writes = Get-Write $emulator
        @($writes | Where-Object method -eq 'POST').Count | Should -Be 1
        @($writes | Where-Object { $_.method -eq 'PATCH' -and $_.path -notmatch 'ABLED$' }).Count | Should -Be 1
        @($writes | Where-Object { $_.method -eq 'PATCH' -and $_.path -like '*/DISABLED' }).Count | Should -Be 1
        @($writes | Where-Object { $_.method -eq 'PATCH' -and $_.path -like '*/ENABLED' }).Count | Should -Be 1
        @($writes | Where-Object method -eq 'DELETE').Count | Should -Be 1
        $writes.Count | Should -Be 5
        # The rotation sent the new secret, and only it.
        ($writes | Where-Object { $_.method -eq 'PATCH' -and $_.path -notmatch 'ABLED$' }).body.credentials.client_secret | Should -Be $rotated
    }

    It 'a warning under -Debug does not prompt either (it goes to the Debug stream)' {
        $script = Join-Path $TestDrive 'warn.ps1'
        @"
Import-Module '$ModuleManifest'
. '$(Join-Path $PSScriptRoot 'StubServer.ps1')'
`$stub = Start-StubServer { param(`$r) '{"items":[{"id":"ac_only1","toolkit":{"slug":"github"}}],"next_cursor":null,"total_pages":1,"total_items":60}' }
try {
    Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_0001' -AsPlainText -Force) -BaseUri `$stub.BaseUri -SkipCheck
    try { `$n = @(Get-ComposioAuthConfig -Debug -ErrorAction Stop).Count; "RESULT OK `$n" } catch { "RESULT FAIL `$_" }
} finally { Stop-StubServer `$stub }
"@ | Set-Content $script
        $output = Invoke-UnattendedScript $script
        $output | Should -Contain 'RESULT OK 1'
        ($output -join "`n") | Should -Match 'DEBUG: WARNING: The server announced 60'
    }

    It '-Debug shows a credential''s client_id but never its secret' {
        $secret = 'debug-SECRET-77aa'
        $lines = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -ClientId 'visible-client-id' -ClientSecret (ConvertTo-Secure $secret) -Debug 5>&1 |
            Where-Object { $_ -is [System.Management.Automation.DebugRecord] } | ForEach-Object Message
        ($lines -join "`n") | Should -Match '"client_id":"visible-client-id"'
        ($lines -join "`n") | Should -Match '"client_secret":"\*\*\*"'
        ($lines -join "`n") | Should -Not -Match $secret
    }

    It '-Verbose on a listing says what it lists and how many it read' {
        $lines = Get-ComposioAuthConfig -Toolkit github -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        ($lines -join "`n") | Should -Match 'Listing auth configs \(toolkit github\)'
        ($lines -join "`n") | Should -Match 'Read \d+ auth config\(s\) in \d+ page\(s\)'
    }
}

Describe 'Errors about one item obey -ErrorAction and the pipeline goes on' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'New: <Case> is a non-terminating <Id> that -ErrorAction SilentlyContinue silences' -ForEach @(
        @{ Case = 'an unknown toolkit'; Id = 'ToolkitNotFound'; Params = @{ Toolkit = 'nosuchkit' } }
        @{ Case = 'an unknown scheme'; Id = 'AuthSchemeNotSupported'; Params = @{ Toolkit = 'github'; Type = 'Custom'; AuthScheme = 'API_KEY' } }
        @{ Case = 'a missing required field'; Id = 'MissingRequiredField'; Params = @{ Toolkit = 'notion'; Type = 'Custom'; AuthScheme = 'OAUTH2' } }
    ) {
        $Block = { New-ComposioAuthConfig @Params @args }
        $out = New-ComposioAuthConfig @Params -ErrorAction SilentlyContinue -ErrorVariable failures
        $ok = $?
        $out | Should -BeNullOrEmpty
        $ok | Should -BeFalse
        $failures.Count | Should -Be 1
        $failures[0] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
        $failures[0].FullyQualifiedErrorId | Should -BeLike "$Id,*"

        $Error.Clear()
        & $Block -ErrorAction Ignore
        $Error.Count | Should -Be 0

        & $Block 2>$null
        $ErrorActionPreference = 'SilentlyContinue'
        try { & $Block } finally { $ErrorActionPreference = 'Continue' }

        { & $Block -ErrorAction Stop } | Should -Throw -ErrorId "$Id,*"
        Get-Write $emulator | Should -BeNullOrEmpty
    }

    It 'a bad item does not stop the next one' {
        $made = @('nosuchkit', 'github', 'alsonotakit', 'slack' | New-ComposioAuthConfig -ErrorAction SilentlyContinue -ErrorVariable failures)
        $made.Toolkit | Should -Be @('github', 'slack')
        $failures.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'ToolkitNotFound,*' }
        $failures.Count | Should -Be 2
    }
}

Describe 'Pipeline input' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'creates one config per CSV row: columns bind by name, field-named columns are credentials, empty cells are absent' {
        $csv = Join-Path $TestDrive 'configs.csv'
        @'
Toolkit,Name,Type,AuthScheme,Scope,client_id,client_secret,Notes
gmail,gmail-managed,,,,,,managed; no credentials
notion,notion-own,Custom,OAUTH2,,cid-from-csv,secret-from-csv,own app
hubspot,hubspot-scoped,ComposioManaged,,tickets,,,scopes only
nosuchkit,broken,,,,,,a bad row
outlook,outlook-managed,,,,,,after the bad row
'@ | Set-Content $csv
        $made = @(Import-Csv $csv | New-ComposioAuthConfig -ErrorAction SilentlyContinue -ErrorVariable failures)
        $made.Name | Should -Be @('gmail-managed', 'notion-own', 'hubspot-scoped', 'outlook-managed')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ToolkitNotFound,*'
        $creates = Get-CreateRequest $emulator
        $creates.Count | Should -Be 4
        $creates[0].body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'credentials'
        $creates[0].body.auth_config.type | Should -Be 'use_composio_managed_auth'
        $creates[1].body.auth_config.type | Should -Be 'use_custom_auth'
        $creates[1].body.auth_config.credentials.client_id | Should -Be 'cid-from-csv'
        $creates[1].body.auth_config.credentials.client_secret | Should -Be 'secret-from-csv'
        $creates[2].body.auth_config.credentials.scopes | Should -Be 'tickets'
    }

    It 'takes toolkit names and Toolkit objects by value' {
        $made = @('gmail', 'outlook' | New-ComposioAuthConfig)
        $made.Toolkit | Should -Be @('gmail', 'outlook')
        $made2 = @(Get-ComposioToolkit -Slug github, slack | New-ComposioAuthConfig)
        $made2.Toolkit | Should -Be @('github', 'slack')
        # A toolkit's display name and its own type (native) are not the config's.
        (Get-CreateRequest $emulator | Select-Object -Last 2).body.auth_config | ForEach-Object {
            $_.type | Should -Be 'use_composio_managed_auth'
            $_.PSObject.Properties.Name | Should -Not -Contain 'name'
        }
    }

    It 'evaluates a script block per piped object (New -Name)' {
        $made = @('gmail', 'slack' | New-ComposioAuthConfig -Name { "$_-from-block" })
        $made.Name | Should -Be @('gmail-from-block', 'slack-from-block')
    }

    It 'Get-ComposioAuthConfig takes ids by value' {
        $a = New-ManagedConfig $emulator github 'by-value-a'
        $b = New-ManagedConfig $emulator slack 'by-value-b'
        (@($a, $b) | Get-ComposioAuthConfig).Name | Should -Be @('by-value-a', 'by-value-b')
    }

    It 'Set -Name { ... } renames each piped config from its own name, and a piped config''s own name is no change' {
        1..3 | ForEach-Object { New-ManagedConfig $emulator github "bulk-$_" } | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        Get-ComposioAuthConfig -Search bulk | Set-ComposioAuthConfig -Name { "$($_.Name)-v2" }
        (Get-ComposioAuthConfig -Search bulk).Name | Sort-Object | Should -Be @('bulk-1-v2', 'bulk-2-v2', 'bulk-3-v2')
        $patches = @(Get-Write $emulator)
        $patches.Count | Should -Be 3
        $patches.body.name | Should -Not -Match '\$'

        Clear-ComposioEmulatorRequest $emulator
        Get-ComposioAuthConfig -Search bulk | Set-ComposioAuthConfig -Scope repo
        $patches = @(Get-Write $emulator)
        $patches.Count | Should -Be 3
        $patches | ForEach-Object { $_.body.PSObject.Properties.Name | Should -Not -Contain 'name' }
    }

    It 'refuses a script block where it cannot be evaluated per object, sending nothing' {
        $id = New-ManagedConfig $emulator github 'no-text'
        Clear-ComposioEmulatorRequest $emulator
        { Set-ComposioAuthConfig -Id $id -ToolsAvailableForExecution { 'X' } -ErrorAction Stop } | Should -Throw -ErrorId 'ParameterArgumentTransformationError,*'
        # New's tool list takes a CSV column by property name, so a script block there is evaluated per piped object; without input PowerShell refuses it.
        { New-ComposioAuthConfig -Toolkit github -ToolsForConnectedAccountCreation { 'X' } -ErrorAction Stop } | Should -Throw -ErrorId 'ScriptBlockArgumentNoInput,*'
        Get-Write $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Mistakes are caught before sending' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It '<Case>: <Id>, naming <Match>, nothing sent' -ForEach @(
        @{ Case = 'a typo in a credential key'; Id = 'UndeclaredCredentialField'; Match = "clientsecret.*client_id, client_secret"; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'a'; clientsecret = 'b' } -ErrorAction Stop } }
        @{ Case = 'another scheme''s fields on API_KEY'; Id = 'UndeclaredCredentialField'; Match = 'client_id'; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme API_KEY -Credentials @{ client_id = 'a'; client_secret = 'b' } -ErrorAction Stop } }
        @{ Case = 'client credentials on a managed config (a forgotten -Type Custom)'; Id = 'CredentialsOnManagedConfig'; Match = '-Type Custom'; Block = { New-ComposioAuthConfig -Toolkit hubspot -ClientId x -ClientSecret (ConvertTo-Secure 'managed-SECRET-1') -ErrorAction Stop } }
        @{ Case = 'a masked value copied from Get-ComposioAuthConfig'; Id = 'MaskedCredentialValue'; Match = 'client_secret'; Block = { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'a'; client_secret = '***' } -ErrorAction Stop } }
        # (An unknown toolkit in Get's filter is a warning, not a refusal: see SpecAnswers.Tests.ps1.)
    ) {
        $record = $null
        try { & $Block } catch { $record = $_ }
        $record | Should -Not -BeNullOrEmpty
        $record.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        "$record" | Should -Match $Match
        Get-Write $emulator | Should -BeNullOrEmpty
        @(Get-ApiRequest $emulator | Where-Object path -like '*/auth_configs') | Should -BeNullOrEmpty
    }

    It 'scopes stay allowed on a managed config' {
        New-ComposioAuthConfig -Toolkit hubspot -Scope 'sales-email-read', 'tickets' | Out-Null
        (Get-CreateRequest $emulator)[0].body.auth_config.credentials.scopes | Should -Be 'sales-email-read,tickets'
    }

    It '-AllowUndeclaredField sends a key the toolkit metadata lags on' {
        New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -ClientId a -ClientSecret (ConvertTo-Secure 'lag-SECRET-1') -Credentials @{ new_field = 'v' } -AllowUndeclaredField | Out-Null
        (Get-CreateRequest $emulator)[0].body.auth_config.credentials.new_field | Should -Be 'v'
    }

    It 'Set checks credential keys against the config''s scheme, and offers -ClientSecret for a rotation' {
        $id = New-CustomConfig $emulator notion 'rotate-me'
        Clear-ComposioEmulatorRequest $emulator
        { Set-ComposioAuthConfig -Id $id -Credentials @{ clientsecret = 'x' } -ErrorAction Stop } | Should -Throw -ErrorId 'UndeclaredCredentialField,*'
        Get-Write $emulator | Should -BeNullOrEmpty
        Set-ComposioAuthConfig -Id $id -ClientSecret (ConvertTo-Secure 'rotated-SECRET-2')
        (Get-Write $emulator)[0].body.credentials | Should -Not -BeNullOrEmpty
        (Get-Write $emulator)[0].body.credentials.client_secret | Should -Be 'rotated-SECRET-2'
        (Get-Write $emulator)[0].body.credentials.PSObject.Properties.Name | Should -Be @('client_secret')
    }

    It 'Connect-Composio checks the key with one request and fails clearly on a wrong one' {
        $before = Get-ComposioConnection
        Clear-ComposioEmulatorRequest $emulator
        $record = $null
        try { Connect-Composio -ApiKey (ConvertTo-Secure 'ak_wrong_key_00000') -BaseUri $emulator.BaseUri -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'ComposioUnauthorized,*'
        $record.ErrorDetails.RecommendedAction | Should -Match 'Connect-Composio -ApiKey'
        "$record" | Should -Not -Match 'x-api-key header'
        @(Get-ApiRequest $emulator).Count | Should -Be 1
        # The default connection is the one from before the failed attempt.
        (Get-ComposioConnection).ApiKeyHint | Should -Be $before.ApiKeyHint
        # -SkipCheck connects offline.
        Clear-ComposioEmulatorRequest $emulator
        Connect-Composio -ApiKey (ConvertTo-Secure 'ak_wrong_key_00000') -BaseUri $emulator.BaseUri -SkipCheck
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
        Connect-TestEmulator $emulator | Out-Null
    }
}

Describe 'Reports read well' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        $id = (New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Name 'a report with a long name, not cut at 18' -ClientId 'cid-report' -ClientSecret (ConvertTo-Secure 'report-SECRET-9') -ToolsForConnectedAccountCreation NOTION_A, NOTION_B).Id
        $config = Get-ComposioAuthConfig -Id $id
    }

    It 'Export-Csv writes readable columns: credentials as key=value, lists joined, one spelling of the type' {
        $csv = Join-Path $TestDrive 'report.csv'
        $config | Export-Csv $csv
        $row = Import-Csv $csv
        $row.Credentials | Should -Be 'client_id=cid-report; client_secret=***'
        $row.ToolsForConnectedAccountCreation | Should -Be 'NOTION_A; NOTION_B'
        $row.Type | Should -Be 'Custom'
        (Get-Content $csv -Raw) | Should -Not -Match 'System\.|Dictionary`2|String\[\]'
        (Get-Content $csv -Raw) | Should -Not -Match 'report-SECRET-9'
    }

    It 'JSON and the table spell the type the same way' {
        ($config | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Type | Should -Be 'Custom'
        $config | Format-Table | Out-String -Width 120 | Should -Match '\bCustom\b'
        (New-ComposioAuthConfig -Toolkit github | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Type | Should -Be 'ComposioManaged'
    }

    It 'does not cut the name at 18 characters in a wide console' {
        $config | Format-Table | Out-String -Width 160 | Should -Match 'a report with a long name, not cut at 18'
    }
}

Describe 'Help and completion of the smaller things' {
    It 'Get-Help finds the common credential-field parameters, which are dynamic' {
        (Get-Help New-ComposioAuthConfig -Parameter ClientId).description.Text | Should -Match 'client_id'
        (Get-Help New-ComposioAuthConfig -Parameter ClientSecret).description.Text | Should -Match 'SecureString'
        (Get-Help Set-ComposioAuthConfig -Parameter ClientSecret).description.Text | Should -Match 'rotat'
    }

    It 'completes ids in a fresh session that has only COMPOSIO_API_KEY' {
        Reset-ComposioEmulator $emulator
        $id = New-ManagedConfig $emulator github 'completion-fresh'
        $lines = Invoke-Pwsh -NoProfile -NonInteractive -Command @"
`$env:COMPOSIO_API_KEY = '$($emulator.ApiKey)'; `$env:COMPOSIO_BASE_URL = '$($emulator.BaseUri)'
Import-Module '$ModuleManifest'
`$l = 'Remove-ComposioAuthConfig -Id '; (TabExpansion2 `$l `$l.Length).CompletionMatches.CompletionText
"@
        $lines | Should -Contain $id
    }

    It 'the NotConnected message promises no prompt' {
        $lines = Invoke-Pwsh -NoProfile -NonInteractive -Command "`$env:COMPOSIO_API_KEY = `$null; Import-Module '$ModuleManifest'; try { Get-ComposioAuthConfig -ErrorAction Stop } catch { `$_.FullyQualifiedErrorId; `$_.ToString() }"
        $lines[0] | Should -BeLike 'NotConnected*'
        ($lines -join ' ') | Should -Not -Match 'prompt'
        ($lines -join ' ') | Should -Match 'Connect-Composio'
    }
}

Describe 'The UNATTENDED SCRIPTS pattern of about_Composio, run as written' {
    BeforeAll {
        $about = Get-Content -Raw (Join-Path $RepoRoot 'docs/about_Composio.md')
        $pattern = [regex]::Match($about, '(?ms)^```powershell\r?\n(# cleanup\.ps1.*?)^```').Groups[1].Value
        # Only the module's location changes: the test runs the built module, not an installed one.
        $script = Join-Path $TestDrive 'cleanup.ps1'
        @"
`$env:COMPOSIO_API_KEY = '$($emulator.ApiKey)'
`$env:COMPOSIO_BASE_URL = '$($emulator.BaseUri)'
`$env:COMPOSIO_CACHE_DIR = '$($env:COMPOSIO_CACHE_DIR)'
$($pattern -replace 'Import-Module Composio', "Import-Module '$ModuleManifest'")
"@ | Set-Content $script
    }

    It 'is in the help, with plain-text rendering, -ErrorVariable and FullyQualifiedErrorId' {
        $text = Get-Help about_Composio | Out-String
        $text | Should -Match ([regex]::Escape("`$PSStyle.OutputRendering = 'PlainText'"))
        $text | Should -Match '-ErrorVariable'
        $text | Should -Match 'FullyQualifiedErrorId'
    }

    It 'exits 0 when every item succeeds, and removes exactly the disabled ci-* configs' {
        Reset-ComposioEmulator $emulator
        $gone = New-ManagedConfig $emulator github 'ci-old'
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$gone/DISABLED" | Out-Null
        $kept = New-ManagedConfig $emulator github 'ci-live'
        Clear-ComposioEmulatorRequest $emulator
        $log = Invoke-UnattendedScript $script
        $LASTEXITCODE | Should -Be 0 -Because ($log -join "`n")
        @(Get-ApiRequest $emulator | Where-Object method -eq 'DELETE').path | Should -Be @("/api/v3.1/auth_configs/$gone")
        ($log -join "`n") | Should -Not -Match "`e\["
    }

    It 'exits 1 with one plain FAILED line naming the stable error id when an item fails' {
        Reset-ComposioEmulator $emulator
        $one = New-ManagedConfig $emulator github 'ci-a'
        $two = New-ManagedConfig $emulator github 'ci-b'
        foreach ($id in $one, $two) { Invoke-EmulatorApi $emulator PATCH "auth_configs/$id/DISABLED" | Out-Null }
        Add-ComposioEmulatorFault $emulator @{ method = 'DELETE'; path = "/api/v3.1/auth_configs/$one"; kind = 'status'; status = 400; times = 1 }
        $log = Invoke-UnattendedScript $script
        $LASTEXITCODE | Should -Be 1
        $failed = @($log | Where-Object { "$_" -like 'FAILED *' })
        $failed.Count | Should -Be 1 -Because ($log -join "`n")
        $failed[0] | Should -Match "^FAILED ComposioBadRequest,Composio\.PowerShell\.Cmdlets\.RemoveComposioAuthConfigCommand $one"
        ($log -join "`n") | Should -Not -Match "`e\["
        # The other item went on.
        @(Get-ApiRequest $emulator | Where-Object { $_.method -eq 'DELETE' -and $_.path -like "*$two" }).Count | Should -Be 1
        Clear-ComposioEmulatorFault $emulator
    }
}
