# One rule set for every way in (issue 16): New, Set, Sync and CSV rows validate alike, every error
# names its item, reruns never duplicate, deletions are gated alike, a piped object's project is
# never silently overridden, unresolved dynamic parameters say why, and CSV lists round-trip.
# Asserts on what reached the emulator (its request log).

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    # Two keys: two connections the module must never take for one project.
    $emulator = Start-TestEmulator -ApiKey 'ak_ruleset_one', 'ak_ruleset_two'
    $one = Get-ComposioConnection
    $two = Connect-Composio -ApiKey (ConvertTo-Secure 'ak_ruleset_two') -BaseUri $emulator.BaseUri -PassThru -SkipCheck
    Connect-Composio -ApiKey (ConvertTo-Secure 'ak_ruleset_one') -BaseUri $emulator.BaseUri -SkipCheck
    $callback = 'https://example.com/cb'

    # A script run unattended (new pwsh, -NonInteractive, stdin closed), connected to the emulator; its output lines.
    function Invoke-Unattended([string] $Body) {
        $path = Join-Path $TestDrive "unattended-$([guid]::NewGuid().ToString('N').Substring(0, 8)).ps1"
        @"
`$ErrorActionPreference = 'Continue'
Import-Module '$ModuleManifest'
`$env:COMPOSIO_CACHE_DIR = '$($env:COMPOSIO_CACHE_DIR)'
Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_ruleset_one' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' -SkipCheck
$Body
'SCRIPT END'
"@ | Set-Content $path
        Invoke-UnattendedScript $path
    }

    # The non-terminating errors a block writes.
    function Get-Failures([scriptblock] $Block) {
        @(& $Block 2>&1 | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
    }
}

AfterAll { Stop-TestEmulator $emulator }

Describe 'Sync validates like New and Set, before anything is sent' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'an undeclared credential key in a file is a bad-file error naming the file, line and entry' {
        $path = New-DesiredFile @'
@{
    AuthConfigs = @(
        @{ Toolkit = 'notion'; Name = 'typo'; Type = 'Custom'; AuthScheme = 'OAUTH2'
           Credentials = @{
               client_idd = 'x'
               client_secret = @{ Env = 'COMPOSIO_SECRET_RULESET_NOT_SET' }
           } }
    )
}
'@
        $record = $null
        try { Sync-ComposioAuthConfig $path -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'UndeclaredCredentialField,*'
        "$record" | Should -Match ([regex]::Escape($path))
        "$record" | Should -Match "line 5, entry 1 \(toolkit 'notion', name 'typo'\).*client_idd"
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It 'a redirect URI that is not a URI is refused in a file as in New' {
        $path = New-DesiredFile @'
@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'bad-uri'; Type = 'Custom'; AuthScheme = 'OAUTH2'
    Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'COMPOSIO_SECRET_RULESET_NOT_SET' }; oauth_redirect_uri = 'not a uri' } } ) }
'@
        { Sync-ComposioAuthConfig $path -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRedirectUri,*'
        { New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -Credentials @{ client_id = 'a'; client_secret = 'b'; oauth_redirect_uri = 'not a uri' } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidRedirectUri,*'
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It 'keys match the declared fields case-insensitively and go out under the declared name: <Door>' -ForEach @(
        @{ Door = 'a file'; Run = {
            $env:COMPOSIO_SECRET_RULESET = 'file-secret-1'
            try { Sync-ComposioAuthConfig (New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'notion'; Name = 'upper'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ CLIENT_ID = 'cid'; Client_Secret = @{ Env = 'COMPOSIO_SECRET_RULESET' } } } ) }") -ErrorAction Stop | Out-Null }
            finally { Remove-Item env:COMPOSIO_SECRET_RULESET }
        } }
        @{ Door = 'New -Credentials'; Run = { New-ComposioAuthConfig notion -Name upper -Type Custom -AuthScheme OAUTH2 -Credentials @{ CLIENT_ID = 'cid'; Client_Secret = 's' } -ErrorAction Stop | Out-Null } }
        @{ Door = 'a CSV row'; Run = { [pscustomobject]@{ Toolkit = 'notion'; Name = 'upper'; Type = 'Custom'; AuthScheme = 'OAUTH2'; CLIENT_ID = 'cid'; CLIENT_SECRET = 's' } | New-ComposioAuthConfig -ErrorAction Stop | Out-Null } }
    ) {
        & $Run
        $credentials = (Get-CreateRequest $emulator)[0].body.auth_config.credentials
        @($credentials.PSObject.Properties.Name | Sort-Object) | Should -BeExactly @('client_id', 'client_secret')
        $credentials.client_id | Should -BeExactly 'cid'
    }

    It 'a file entry creates the same request New sends for it' {
        Sync-ComposioAuthConfig (New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = 'same-managed' }; @{ Toolkit = 'perplexityai'; Name = 'same-custom'; Type = 'Custom'; AuthScheme = 'API_KEY' } ) }") -ErrorAction Stop | Out-Null
        New-ComposioAuthConfig github -Name 'same-managed' -ErrorAction Stop -WarningAction SilentlyContinue | Out-Null
        New-ComposioAuthConfig perplexityai -Name 'same-custom' -Type Custom -AuthScheme API_KEY -Credentials @{} -ErrorAction Stop -WarningAction SilentlyContinue | Out-Null
        $creates = @(Get-CreateRequest $emulator)
        $creates[0].body_text | Should -BeExactly $creates[2].body_text
        $creates[1].body_text | Should -BeExactly $creates[3].body_text
        $creates[0].body.auth_config.PSObject.Properties.Name | Should -Not -Contain 'credentials'
    }

    It 'Set -Credentials: undeclared keys refused, declared ones sent under their declared name' {
        $id = New-CustomConfig $emulator notion 'rotate'
        Clear-ComposioEmulatorRequest $emulator
        { Set-ComposioAuthConfig -Id $id -Credentials @{ redirect_url = 'https://example.com/cb' } -ErrorAction Stop } | Should -Throw -ErrorId 'UndeclaredCredentialField,*'
        { Set-ComposioAuthConfig -Id $id -Credentials @{ oauth_redirect_uri = 'not a uri' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidRedirectUri,*'
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
        Set-ComposioAuthConfig -Id $id -Credentials @{ CLIENT_SECRET = 'rotated-1' } -ErrorAction Stop
        $patch = @(Get-WriteRequest $emulator)
        $patch.Count | Should -Be 1
        $patch[0].body.credentials.PSObject.Properties.Name | Should -BeExactly @('client_secret')
    }
}

Describe 'One whitespace rule: text is trimmed everywhere; a blank name is refused' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'trims a CSV cell, a parameter and a file value alike' {
        @"
Toolkit,Name,Type,AuthScheme,client_id,client_secret,oauth_redirect_uri
notion, csv-row ,Custom,OAUTH2, cid ,secret, $callback
"@ | Set-Content (Join-Path $TestDrive 'spaces.csv')
        Import-Csv (Join-Path $TestDrive 'spaces.csv') | New-ComposioAuthConfig -ErrorAction Stop | Out-Null
        New-ComposioAuthConfig github -Name '  parameter  ' -Scope ' repo ', ' ' -ErrorAction Stop | Out-Null
        $env:COMPOSIO_SECRET_RULESET = 's'
        try {
            Sync-ComposioAuthConfig (New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = ' slack '; Name = ' file-entry '; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = ' fid '; client_secret = @{ Env = 'COMPOSIO_SECRET_RULESET' } } } ) }") -ErrorAction Stop | Out-Null
        }
        finally { Remove-Item env:COMPOSIO_SECRET_RULESET }
        $bodies = @(Get-CreateRequest $emulator).body.auth_config
        $bodies[0].name | Should -BeExactly 'csv-row'
        $bodies[0].credentials.oauth_redirect_uri | Should -BeExactly $callback
        $bodies[0].credentials.client_id | Should -BeExactly 'cid'
        $bodies[1].name | Should -BeExactly 'parameter'
        $bodies[1].credentials.scopes | Should -BeExactly 'repo'
        $bodies[2].name | Should -BeExactly 'file-entry'
        $bodies[2].credentials.client_id | Should -BeExactly 'fid'
    }

    It 'a blank -Name is EmptyAuthConfigName in New (<Label>) as in Set, and nothing is sent' -ForEach @(
        @{ Label = 'on the command line'; Run = { New-ComposioAuthConfig github -Name '   ' -ErrorAction Stop } }
        @{ Label = 'from a CSV cell'; Run = { [pscustomobject]@{ Toolkit = 'github'; Name = '  ' } | New-ComposioAuthConfig -ErrorAction Stop } }
    ) {
        $Run | Should -Throw -ErrorId 'EmptyAuthConfigName,*'
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Every error about an item names the item' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'a CSV row: TargetObject is the row, the message names the config, the field is the reason' {
        $rows = @(
            [pscustomobject]@{ Toolkit = 'notion'; Name = 'row-ok'; Type = 'Custom'; AuthScheme = 'OAUTH2'; client_id = 'a'; client_secret = 'b' }
            [pscustomobject]@{ Toolkit = 'notion'; Name = 'row-bad'; Type = 'Custom'; AuthScheme = 'OAUTH2'; client_id = 'a'; client_secret = 'b'; oauth_redirect_uri = 'nope' }
        )
        $failures = Get-Failures { $rows | New-ComposioAuthConfig }
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidRedirectUri,*'
        $failures[0].TargetObject | Should -Be $rows[1]
        "$($failures[0])" | Should -BeLike "'row-bad' (toolkit notion): *"
        $failures[0].CategoryInfo.Reason | Should -Be 'oauth_redirect_uri'
        $failures[0].CategoryInfo.TargetName | Should -Be "'row-bad' (toolkit notion)"
        @(Get-CreateRequest $emulator).Count | Should -Be 1
    }

    It 'a config id: TargetObject is the id, the message names the config, the field is the reason' {
        $managed = New-ManagedConfig $emulator github 'managed-one'
        $failures = Get-Failures { Set-ComposioAuthConfig -Id $managed -Credentials @{ client_secret = 'x' } }
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CredentialsOnManagedConfig,*'
        $failures[0].TargetObject | Should -Be $managed
        "$($failures[0])" | Should -Match "auth config $managed"
        $failures[0].CategoryInfo.Reason | Should -Be 'Credentials'
    }
}

Describe 'Reruns never duplicate' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It '-SkipExisting skips a name that exists for the toolkit, says so, and outputs the existing config' {
        $first = New-ComposioAuthConfig github -Name 'once' -ErrorAction Stop
        Clear-ComposioEmulatorRequest $emulator
        $verbose = $null
        $again = New-ComposioAuthConfig github -Name 'once' -SkipExisting -Verbose 4>&1 | Tee-Object -Variable verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $again.Id | Should -Be $first.Id
        ($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) -join "`n" | Should -Match "Skipped 'once' \(toolkit github\): it exists already as $($first.Id)"
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
        # One listing of the toolkit, nothing else.
        @(Get-ApiRequest $emulator).Count | Should -Be 1
        (Get-ApiRequest $emulator)[0].method | Should -Be 'GET'
    }

    It 'without it, a name the connection knows gives a warning naming the existing id, at no extra request' {
        $existing = New-ManagedConfig $emulator github 'known-name'
        Get-ComposioAuthConfig -Toolkit github | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $warnings = $null
        New-ComposioAuthConfig github -Name 'known-name' -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null
        "$warnings" | Should -Match "named 'known-name' already exists for toolkit github \($existing\)"
        # No listing was asked to find it: only the create (and its read-back, while New still makes one).
        @(Get-ApiRequest $emulator | Where-Object { $_.method -eq 'GET' -and $_.path -like '*/auth_configs' }) | Should -BeNullOrEmpty
        @(Get-CreateRequest $emulator).Count | Should -Be 1
    }

    It 'a CSV onboarding run twice, with a failure in between, ends with one config per row' {
        $csv = Join-Path $TestDrive 'onboard.csv'
        @"
Toolkit,Name,Type,AuthScheme,client_id,client_secret
github,onboard-github,,,,
notion,onboard-notion,Custom,OAUTH2,cid,
slack,onboard-slack,,,,
"@ | Set-Content $csv
        $failures = Get-Failures { Import-Csv $csv | New-ComposioAuthConfig -SkipExisting }
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MissingRequiredField,*'
        (Get-Content $csv) -replace 'cid,$', 'cid,fixed-secret' | Set-Content $csv
        Import-Csv $csv | New-ComposioAuthConfig -SkipExisting -ErrorAction Stop | Out-Null
        Import-Csv $csv | New-ComposioAuthConfig -SkipExisting -ErrorAction Stop | Out-Null
        $names = @(Get-ServerConfig $emulator).name | Sort-Object
        $names | Should -Be @('onboard-github', 'onboard-notion', 'onboard-slack')
    }

    It 'a rerun with -SkipExisting after creates whose answers were lost creates nothing twice' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Toolkit = 'github'; Name = "lost-answer-$_" } }
        # The server acts, then the connection drops: the module cannot know, and must not retry.
        Add-ComposioEmulatorFault $emulator -Rule @(@{ method = 'POST'; path = $ConfigsPath; kind = 'drop_after'; probability = 1.0; seed = 1 })
        try { $failures = Get-Failures { $rows | New-ComposioAuthConfig -SkipExisting } }
        finally { Clear-ComposioEmulatorFault $emulator }
        @($failures | Where-Object { $_.FullyQualifiedErrorId -like 'CreateOutcomeUnknown,*' }).Count | Should -Be 3
        Clear-ComposioEmulatorRequest $emulator
        $again = @($rows | New-ComposioAuthConfig -SkipExisting -ErrorAction Stop)
        $again.Count | Should -Be 3
        Get-CreateRequest $emulator | Should -BeNullOrEmpty
        (Get-ServerConfig $emulator).name | Sort-Object | Should -Be @('lost-answer-1', 'lost-answer-2', 'lost-answer-3')
    }

    It '-ErrorAction Stop names how many items were done and which were not tried' {
        $a = New-ManagedConfig $emulator github 'stop-a'
        $c = New-ManagedConfig $emulator github 'stop-c'
        Clear-ComposioEmulatorRequest $emulator
        $record = $null
        try { Disable-ComposioAuthConfig -Id $a, 'ac_missing0000001', $c -ErrorAction Stop } catch { $record = $_ }
        "$record" | Should -Match 'Stopped after 1 item\(s\) were done\.'
        "$record" | Should -Match "Not tried: $c\."
        @(Get-WriteRequest $emulator).path | Should -Not -Contain "$ConfigsPath/$c"
    }
}

Describe 'Deletions are gated alike: Remove and Sync -Prune, unattended' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'without -Force, each deletion is a ConfirmationRequired error of its own and nothing is deleted; the script goes on' {
        $ids = @(New-ManagedConfig $emulator github 'gate-1'), @(New-ManagedConfig $emulator github 'gate-2')
        $file = New-DesiredFile "@{ AuthConfigs = @(); Prune = @{ Toolkits = 'github'; Name = 'gate-*' } }"
        Clear-ComposioEmulatorRequest $emulator
        $output = Invoke-Unattended @"
Remove-ComposioAuthConfig -Id '$($ids[0])', '$($ids[1])' -ErrorVariable e1 -ErrorAction SilentlyContinue
`$e1 | ForEach-Object { 'REMOVE ' + `$_.FullyQualifiedErrorId + ' ' + `$_.TargetObject }
Sync-ComposioAuthConfig '$file' -Prune -ErrorVariable e2 -ErrorAction SilentlyContinue | ForEach-Object { 'SYNC ' + `$_.Action }
`$e2 | ForEach-Object { 'PRUNE ' + `$_.FullyQualifiedErrorId }
"@
        $text = $output -join "`n"
        $text | Should -Not -Match 'NonInteractive mode'
        @($output | Where-Object { $_ -like 'REMOVE ConfirmationRequired,*' }).Count | Should -Be 2 -Because $text
        @($output | Where-Object { $_ -like 'PRUNE ConfirmationRequired,*' }).Count | Should -Be 2 -Because $text
        @($output | Where-Object { $_ -eq 'SYNC Failed' }).Count | Should -Be 2 -Because $text
        $output | Should -Contain 'SCRIPT END'
        @(Get-WriteRequest $emulator) | Should -BeNullOrEmpty
    }

    It 'with -Force both delete without asking' {
        $removeId = New-ManagedConfig $emulator github 'forced-remove'
        $pruneId = New-ManagedConfig $emulator github 'forced-prune'
        $file = New-DesiredFile "@{ AuthConfigs = @(); Prune = @{ Toolkits = 'github'; Name = 'forced-prune' } }"
        Clear-ComposioEmulatorRequest $emulator
        $output = Invoke-Unattended @"
Remove-ComposioAuthConfig -Id '$removeId' -Force
Sync-ComposioAuthConfig '$file' -Prune -Force | ForEach-Object { 'SYNC ' + `$_.Action }
"@
        $output | Should -Contain 'SYNC Remove'
        @(Get-WriteRequest $emulator | Where-Object method -eq 'DELETE').path | Sort-Object |
            Should -Be (@("$ConfigsPath/$removeId", "$ConfigsPath/$pruneId") | Sort-Object)
    }
}

Describe "A piped object's project is never silently overridden" {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It '<Command>: an object from one project with another -Connection is ConnectionConflict naming both' -ForEach @(
        @{ Command = 'Disable'; Run = { param($c, $to) $c | Disable-ComposioAuthConfig -Connection $to } }
        @{ Command = 'Set'; Run = { param($c, $to) $c | Set-ComposioAuthConfig -Connection $to -Name 'renamed' } }
        @{ Command = 'Remove'; Run = { param($c, $to) $c | Remove-ComposioAuthConfig -Connection $to -Force } }
    ) {
        $id = New-ManagedConfig $emulator github 'project-one'
        $config = Get-ComposioAuthConfig -Id $id -Connection $one
        Clear-ComposioEmulatorRequest $emulator
        $failures = Get-Failures { & $Run $config $two }
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ConnectionConflict,*'
        "$($failures[0])" | Should -Match ([regex]::Escape("$one"))
        "$($failures[0])" | Should -Match ([regex]::Escape("$two"))
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It 'its id, converted explicitly, acts in the -Connection given' {
        $id = New-ManagedConfig $emulator github 'project-one'
        $config = Get-ComposioAuthConfig -Id $id -Connection $one
        Clear-ComposioEmulatorRequest $emulator
        $config.Id | Disable-ComposioAuthConfig -Connection $two -ErrorAction Stop
        $write = @(Get-WriteRequest $emulator)
        $write.Count | Should -Be 1
        $write[0].headers.'x-api-key' | Should -Be 'ak_ruleset_two'
    }
}

Describe 'A dynamic parameter that cannot be resolved says why' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'Set -Id <missing> -ClientSecret: the config was not found (ComposioNotFound)' {
        $record = $null
        try { Set-ComposioAuthConfig -Id ac_missing0000001 -ClientSecret (ConvertTo-Secure 's') -ErrorAction Stop } catch { $record = $_ }
        $record.FullyQualifiedErrorId | Should -BeLike 'ComposioNotFound,*'
        "$record" | Should -Match 'ac_missing0000001'
        "$record" | Should -Match '-ClientSecret'
        "$record" | Should -Not -Match 'A parameter cannot be found'
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It 'New with the server down: it cannot reach the server' {
        # A port nothing listens on: taken from the system, then let go.
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
        $lines = Invoke-FreshPwsh "`$env:COMPOSIO_CACHE_DIR = '$(Join-Path $TestDrive 'cold-cache')'; Connect-Composio -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://127.0.0.1:$port' -AllowInsecureHttp -SkipCheck -MaxRetries 0; try { New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -ClientSecret (ConvertTo-SecureString 's' -AsPlainText -Force) -ErrorAction Stop } catch { 'ERR ' + `$_.FullyQualifiedErrorId + ' ' + `$_ }"
        $text = $lines -join "`n"
        $text | Should -Match 'ERR ' -Because $text
        $text | Should -Not -Match 'A parameter cannot be found'
        $text | Should -Match '-ClientSecret'
        $text | Should -Match 'connect|reach|refused'
    }
}

Describe 'CSV lists round-trip' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'a cell <Cell> is a list' -ForEach @(
        @{ Cell = 'repo; read:user' }
        @{ Cell = 'repo,read:user' }
    ) {
        [pscustomobject]@{ Toolkit = 'github'; Name = 'list-cell'; Scope = $Cell; ToolsForConnectedAccountCreation = 'GITHUB_A; GITHUB_B' } | New-ComposioAuthConfig -ErrorAction Stop | Out-Null
        $body = (Get-CreateRequest $emulator)[0].body.auth_config
        $body.credentials.scopes | Should -BeExactly 'repo,read:user'
        $body.tool_access_config.tools_for_connected_account_creation | Should -Be @('GITHUB_A', 'GITHUB_B')
    }

    It 'Get | Export-Csv, then Import-Csv | New -Connection <other> keeps scopes, tools, the execution-tool restriction and the enabled state' {
        $on = (Invoke-EmulatorApi $emulator POST auth_configs @{ toolkit = @{ slug = 'github' }; auth_config = @{ type = 'use_composio_managed_auth'; name = 'copy-on'; credentials = @{ scopes = 'repo,read:user' }; tool_access_config = @{ tools_for_connected_account_creation = @('GITHUB_A', 'GITHUB_B') } } }).auth_config.id
        $off = New-ManagedConfig $emulator slack 'copy-off'
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$off/DISABLED" | Out-Null
        Set-ComposioAuthConfig -Id $on -ToolsAvailableForExecution GITHUB_X -ErrorAction Stop
        $csv = Join-Path $TestDrive 'export.csv'
        Get-ComposioAuthConfig -Id $on, $off | Export-Csv $csv
        Clear-ComposioEmulatorRequest $emulator
        $warnings = $null
        $copies = Import-Csv $csv | New-ComposioAuthConfig -Connection $two -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        $bodies = @(Get-CreateRequest $emulator).body.auth_config
        $bodies[0].name | Should -Be 'copy-on'
        $bodies[0].credentials.scopes | Should -Be 'repo,read:user'
        $bodies[0].tool_access_config.tools_for_connected_account_creation | Should -Be @('GITHUB_A', 'GITHUB_B')
        $bodies[1].name | Should -Be 'copy-off'
        ($copies | Where-Object Name -eq 'copy-off').Status | Should -Be 'DISABLED'
        ($copies | Where-Object Name -eq 'copy-on').Status | Should -Be 'ENABLED'
        # Since issue 18 New sets the execution-tool restriction too (in an update right after the create): no column is dropped.
        @(Get-WireRequest $emulator -Method PATCH | Where-Object { "$($_.body_text)".Contains('"tools_available_for_execution":["GITHUB_X"]') }).Count | Should -Be 1
        @($warnings | Where-Object { "$_" -match "column 'ToolsAvailableForExecution'" }) | Should -BeNullOrEmpty
        @($warnings | Where-Object { "$_" -match "column '(Id|CreatedAt|Status|IsEnabled|Connection)'" }) | Should -BeNullOrEmpty
    }
}
