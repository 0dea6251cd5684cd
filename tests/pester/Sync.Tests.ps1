# Sync-ComposioAuthConfig against the emulator over HTTP: plan, apply, idempotency, drift, prune,
# conflicts, failures and reruns. The emulator's request log is the witness of what was sent.

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    $emulator = Start-TestEmulator

    # Three kinds of entry: managed with scopes and tools, custom with a secret reference, managed and disabled.
    $ThreeConfigs = @'
@{
    AuthConfigs = @(
        @{
            Toolkit = 'github'
            Name = 'prod-github'
            Scopes = 'repo', 'read:user'
            ToolsForConnectedAccountCreation = 'GITHUB_GET_USER'
        }
        @{
            Toolkit = 'notion'
            Name = 'prod-notion'
            Type = 'Custom'
            AuthScheme = 'OAUTH2'
            Credentials = @{
                client_id = 'notion-client-id'
                client_secret = @{ Secret = 'notion' }
            }
        }
        @{ Toolkit = 'slack'; Name = 'prod-slack'; Enabled = $false }
    )
}
'@
    $NotionSecret = 'notion-secret-value-0001'
    $Secrets = @{ notion = (ConvertTo-Secure $NotionSecret) }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Sync-ComposioAuthConfig: plan and apply' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $file = New-DesiredFile $ThreeConfigs
    }

    It 'shows the plan one line per config at 80 columns, with the field names in Format-List' {
        $plan = Sync-ComposioAuthConfig $file -Secret $Secrets -WhatIf 6>$null
        $table = @(($plan | Format-Table | Out-String -Width 80) -split "`r?`n" | Where-Object { $_.Trim() })
        # Header, rule, and one line for each of the three configs: nothing wraps.
        $table.Count | Should -Be 5
        $table[0] | Should -Match '^Action\s+Name\s+Toolkit\s+Id\s+Changes$'
        $table[3] | Should -Match '^Create\s+prod-notion\s+notion\s+2$'
        $list = $plan[1] | Format-List | Out-String -Width 80
        $list | Should -Match 'Changes\s+: Credentials\.client_id, Credentials\.client_secret'
    }

    It '-WhatIf outputs the plan, one result per entry with What if lines, and sends only GETs' {
        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript -Force | Out-Null
        try { $plan = Sync-ComposioAuthConfig $file -Secret $Secrets -WhatIf }
        finally { Stop-Transcript | Out-Null }

        $plan.Count | Should -Be 3
        $plan[0].PSObject.TypeNames[0] | Should -Be 'Composio.SyncResult'
        $plan.Action | Should -Be @('Create', 'Create', 'Create')
        $plan.Name | Should -Be @('prod-github', 'prod-notion', 'prod-slack')
        $plan[0].Changes | Should -Be @('Scopes', 'ToolsForConnectedAccountCreation')
        $plan[1].Changes | Should -Be @('Credentials.client_id', 'Credentials.client_secret')
        $plan[2].Changes | Should -Be @('Enabled')
        $plan | ForEach-Object { $_.Id | Should -BeNullOrEmpty }
        $whatIf = @(Get-Content $transcript | Where-Object { $_ -like 'What if:*' })
        $whatIf.Count | Should -Be 3
        $whatIf[1] | Should -BeLike "*Create custom OAUTH2 auth config (Credentials.client_id, Credentials.client_secret)*on target ""'prod-notion' (notion) in project $(Get-ComposioConnection)""."
        (Get-Content $transcript -Raw) | Should -Not -Match $NotionSecret
        @(Get-ApiRequest $emulator).Count | Should -BeGreaterThan 0
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
        Get-ServerConfig $emulator | Should -BeNullOrEmpty
    }

    It 'applies the plan: creates each config as declared, disables the one declared disabled' {
        $results = Sync-ComposioAuthConfig $file -Secret $Secrets
        $results.Action | Should -Be @('Create', 'Create', 'Create')
        $results.Id | ForEach-Object { $_ | Should -Match '^ac_' }

        $creates = @(Get-CreateRequest $emulator)
        $creates.Count | Should -Be 3
        $creates[0].body_text | Should -Be '{"toolkit":{"slug":"github"},"auth_config":{"type":"use_composio_managed_auth","credentials":{"scopes":"repo,read:user"},"name":"prod-github","tool_access_config":{"tools_for_connected_account_creation":["GITHUB_GET_USER"]}}}'
        $creates[1].body.auth_config.credentials.client_secret | Should -Be $NotionSecret
        $creates[1].body.auth_config.authScheme | Should -Be 'OAUTH2'
        $disable = @(Get-WriteRequest $emulator | Where-Object method -eq 'PATCH')
        $disable.path | Should -Be "$ConfigsPath/$($results[2].Id)/DISABLED"

        $server = Get-ServerConfig $emulator
        $server.Count | Should -Be 3
        (Get-ServerConfigNamed $emulator slack prod-slack).status | Should -Be 'DISABLED'
        (Get-ServerConfigNamed $emulator notion prod-notion).credentials.client_id | Should -Be 'notion-client-id'
    }

    It 'a second sync writes nothing and reports every entry Unchanged' {
        Sync-ComposioAuthConfig $file -Secret $Secrets | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $again = Sync-ComposioAuthConfig $file -Secret $Secrets
        $again.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        $again.Id | ForEach-Object { $_ | Should -Match '^ac_' }
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
        # The listing asked for disabled configs too, or prod-slack would have looked missing.
        (Get-ApiRequest $emulator | Where-Object { $_.path -eq $ConfigsPath }).query | Should -Match 'show_disabled=true'
        (Get-ServerConfig $emulator).Count | Should -Be 3
    }

    It 'a second sync needs no secret: references are only resolved for what is sent' {
        Sync-ComposioAuthConfig $file -Secret $Secrets | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        (Sync-ComposioAuthConfig $file -ErrorAction Stop).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Sync-ComposioAuthConfig: updates and drift' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $file = New-DesiredFile $ThreeConfigs
        $first = Sync-ComposioAuthConfig $file -Secret $Secrets
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'patches only the fields that differ, credentials merged key by key' {
        $changed = New-DesiredFile ($ThreeConfigs -replace "'notion-client-id'", "'notion-client-id-2'" -replace "Type = 'Custom'", "Type = 'Custom'; Scopes = 'read', 'write'")
        $result = Sync-ComposioAuthConfig $changed
        $result.Action | Should -Be @('Unchanged', 'Update', 'Unchanged')
        $result[1].Changes | Should -Be @('Credentials.client_id', 'Scopes')
        $writes = Get-WriteRequest $emulator
        $writes.Count | Should -Be 1
        $writes[0].method | Should -Be 'PATCH'
        $writes[0].path | Should -Be "$ConfigsPath/$($first[1].Id)"
        # No secret without -UpdateSecrets: the stored one stays.
        $writes[0].body_text | Should -Be '{"type":"custom","credentials":{"client_id":"notion-client-id-2","scopes":"read,write"}}'
        $raw = Get-RawConfig $emulator $first[1].Id
        $raw.credentials.client_secret | Should -BeLike "$($NotionSecret.Substring(0, 4))*"
        $raw.credentials.client_id | Should -Be 'notion-client-id-2'
        (Sync-ComposioAuthConfig $changed).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
    }

    It 'changes managed scopes and tools with the default body; scope order does not count as drift' {
        $reordered = New-DesiredFile ($ThreeConfigs -replace "Scopes = 'repo', 'read:user'", "Scopes = 'read:user', 'repo'")
        (Sync-ComposioAuthConfig $reordered).Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        $changed = New-DesiredFile ($ThreeConfigs -replace "Scopes = 'repo', 'read:user'", "Scopes = 'repo'" -replace "'GITHUB_GET_USER'", "'GITHUB_GET_USER', 'GITHUB_LIST_REPOS'")
        $result = Sync-ComposioAuthConfig $changed
        $result[0].Action | Should -Be 'Update'
        $result[0].Changes | Should -Be @('Scopes', 'ToolsForConnectedAccountCreation')
        (Get-WriteRequest $emulator)[0].body_text | Should -Be '{"type":"default","scopes":"repo","tool_access_config":{"tools_for_connected_account_creation":["GITHUB_GET_USER","GITHUB_LIST_REPOS"]}}'
    }

    It '-UpdateSecrets sends the referenced secrets too (the server masks them, so they are never compared)' {
        $rotated = 'notion-rotated-value-0002'
        $result = Sync-ComposioAuthConfig $file -Secret @{ notion = (ConvertTo-Secure $rotated) } -UpdateSecrets
        $result[1].Action | Should -Be 'Update'
        $result[1].Changes | Should -Be @('Credentials.client_secret')
        $patch = @(Get-WriteRequest $emulator)
        $patch.Count | Should -Be 1
        $patch[0].body_text | Should -Be "{`"type`":`"custom`",`"credentials`":{`"client_secret`":`"$rotated`"}}"
        (Get-RawConfig $emulator $first[1].Id).credentials.client_secret | Should -BeLike 'noti*'
    }

    It 'puts back a config disabled by hand, without creating another' {
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$($first[0].Id)/DISABLED" | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $result = Sync-ComposioAuthConfig $file
        $result[0].Action | Should -Be 'Enable'
        $result[0].Id | Should -Be $first[0].Id
        $result[0].Changes | Should -Be @('Enabled')
        (Get-WriteRequest $emulator | ForEach-Object { "$($_.method) $($_.path)" }) | Should -Be @("PATCH $ConfigsPath/$($first[0].Id)/ENABLED")
        (Get-RawConfig $emulator $first[0].Id).status | Should -Be 'ENABLED'
    }

    It 'puts back a config enabled by hand that the file declares disabled' {
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$($first[2].Id)/ENABLED" | Out-Null
        (Sync-ComposioAuthConfig $file)[2].Action | Should -Be 'Disable'
        (Get-RawConfig $emulator $first[2].Id).status | Should -Be 'DISABLED'
    }

    It 'puts back a config renamed away by hand: the declared identity is created again, the renamed one left alone' {
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$($first[0].Id)" @{ type = 'default'; name = 'renamed-by-hand' } | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $result = Sync-ComposioAuthConfig $file -Secret $Secrets
        $result[0].Action | Should -Be 'Create'
        $result[0].Id | Should -Not -Be $first[0].Id
        (Get-ServerConfigNamed $emulator github prod-github).Count | Should -Be 1
        (Get-ServerConfigNamed $emulator github renamed-by-hand).id | Should -Be $first[0].Id
        Get-WriteRequest $emulator | Where-Object method -eq 'DELETE' | Should -BeNullOrEmpty
    }

    It 'fails an entry whose config exists as the other type, and sends nothing for it' {
        $typeChanged = New-DesiredFile ($ThreeConfigs -replace "@\{ Toolkit = 'slack'; Name = 'prod-slack'; Enabled = \`$false \}", "@{ Toolkit = 'slack'; Name = 'prod-slack'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'x'; client_secret = @{ Env = 'COMPOSIO_SECRET_UNUSED' } } }")
        $result = Sync-ComposioAuthConfig $typeChanged -ErrorVariable failures -ErrorAction SilentlyContinue
        $result[2].Action | Should -Be 'Failed'
        $result[2].Id | Should -Be $first[2].Id
        $result[2].Error | Should -Match 'type cannot change'
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthConfigTypeMismatch,*'
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Sync-ComposioAuthConfig: prune' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $keep = New-ManagedConfig $emulator github 'prod-a'
        $stale = New-ManagedConfig $emulator github 'prod-old'
        $otherName = New-ManagedConfig $emulator github 'dev-x'
        $staleSlack = New-ManagedConfig $emulator slack 'prod-z'
        $otherToolkit = New-ManagedConfig $emulator notion 'prod-n'
        # A disabled one in scope is still found and removed.
        $staleDisabled = New-ManagedConfig $emulator slack 'prod-off'
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$staleDisabled/DISABLED" | Out-Null
        $file = New-DesiredFile @'
@{
    Prune = @{ Toolkits = 'github', 'slack'; Name = 'prod-*' }
    AuthConfigs = @( @{ Toolkit = 'github'; Name = 'prod-a' } )
}
'@
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'without -Prune removes nothing, even with a Prune section, and lists the undeclared configs as Unmanaged' {
        $result = Sync-ComposioAuthConfig $file
        $result.Action | Should -Be @('Unchanged', 'Unmanaged', 'Unmanaged')
        # The file's toolkits are listed: a rename in the file cannot hide the old config.
        ($result | Where-Object Action -eq 'Unmanaged').Id | Sort-Object | Should -Be (@($stale, $otherName) | Sort-Object)
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It '-WhatIf -Prune shows the removals and sends no DELETE' {
        $plan = Sync-ComposioAuthConfig $file -Prune -WhatIf
        ($plan | Where-Object Action -eq 'Remove').Id | Sort-Object | Should -Be (@($stale, $staleSlack, $staleDisabled) | Sort-Object)
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It '-Prune -Force removes exactly the configs inside the scope that the file does not declare' {
        $result = Sync-ComposioAuthConfig $file -Prune -Force
        $result[0].Action | Should -Be 'Unchanged'
        $removed = @($result | Where-Object Action -eq 'Remove')
        $removed.Id | Sort-Object | Should -Be (@($stale, $staleSlack, $staleDisabled) | Sort-Object)
        $deletes = @(Get-WriteRequest $emulator)
        $deletes.method | Sort-Object -Unique | Should -Be 'DELETE'
        $deletes.path | Sort-Object | Should -Be (@($stale, $staleSlack, $staleDisabled) | ForEach-Object { "$ConfigsPath/$_" } | Sort-Object)
        (Get-ServerConfig $emulator).id | Sort-Object | Should -Be (@($keep, $otherName, $otherToolkit) | Sort-Object)
        # dev-x is outside the Name pattern: left alone, and said so.
        ($result | Where-Object Action -eq 'Unmanaged').Id | Should -Be @($otherName)
        (Sync-ComposioAuthConfig $file -Prune -Force).Action | Should -Be @('Unchanged', 'Unmanaged')
    }

    It '-Prune without a Prune section in the file is refused before anything is sent' {
        $noScope = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = 'prod-a' } ) }"
        { Sync-ComposioAuthConfig $noScope -Prune } | Should -Throw -ErrorId 'PruneScopeMissing,*'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Sync-ComposioAuthConfig: conflicts' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $one = New-ManagedConfig $emulator github 'prod-dup'
        $two = New-ManagedConfig $emulator github 'prod-dup'
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$two/DISABLED" | Out-Null
        $file = New-DesiredFile @'
@{
    Prune = @{ Toolkits = 'github'; Name = '*' }
    AuthConfigs = @(
        @{ Toolkit = 'github'; Name = 'prod-dup'; Scopes = 'repo' }
        @{ Toolkit = 'slack'; Name = 'prod-slack' }
    )
}
'@
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'two configs with one identity: Conflict for that entry, nothing done to either, the other entries applied' {
        $result = Sync-ComposioAuthConfig $file -Prune -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Action | Should -Be @('Conflict', 'Create')
        $result[0].Error | Should -Match $one
        $result[0].Error | Should -Match $two
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthConfigIdentityConflict,*'
        $failures[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $writes = @(Get-WriteRequest $emulator)
        $writes.Count | Should -Be 1
        $writes[0].method | Should -Be 'POST'
        (Get-RawConfig $emulator $two).status | Should -Be 'DISABLED'
        (Get-ServerConfigNamed $emulator github prod-dup).Count | Should -Be 2
    }
}

Describe 'Sync-ComposioAuthConfig: failures and reruns' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        Clear-ComposioEmulatorFault $emulator
        $file = New-DesiredFile $ThreeConfigs
    }
    AfterEach {
        Clear-ComposioEmulatorFault $emulator
    }

    It 'a create answered with 500 fails that entry only; a clean rerun finishes it, each config present once' {
        Add-ComposioEmulatorFault $emulator @{ method = 'POST'; path = $ConfigsPath; kind = 'status'; status = 500; times = 1 }
        $result = Sync-ComposioAuthConfig $file -Secret $Secrets -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Action | Should -Be @('Failed', 'Create', 'Create')
        $result[0].Error | Should -Not -BeNullOrEmpty
        $failures.Count | Should -Be 1
        (Get-ServerConfig $emulator).Count | Should -Be 2

        Clear-ComposioEmulatorRequest $emulator
        $rerun = Sync-ComposioAuthConfig $file -Secret $Secrets -ErrorAction Stop
        $rerun.Action | Should -Be @('Create', 'Unchanged', 'Unchanged')
        @(Get-CreateRequest $emulator).Count | Should -Be 1
        foreach ($identity in @(@('github', 'prod-github'), @('notion', 'prod-notion'), @('slack', 'prod-slack'))) {
            (Get-ServerConfigNamed $emulator @identity).Count | Should -Be 1
        }
    }

    It 'a create whose answer is lost (the server acted) is found by the rerun, never created twice' {
        Add-ComposioEmulatorFault $emulator @{ method = 'POST'; path = $ConfigsPath; kind = 'drop_after'; times = 1 }
        $result = Sync-ComposioAuthConfig $file -Secret $Secrets -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Action | Should -Be @('Failed', 'Create', 'Create')
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CreateOutcomeUnknown,*'
        (Get-ServerConfig $emulator).Count | Should -Be 3

        Clear-ComposioEmulatorRequest $emulator
        $rerun = Sync-ComposioAuthConfig $file -Secret $Secrets -ErrorAction Stop
        $rerun.Action | Should -Be @('Unchanged', 'Unchanged', 'Unchanged')
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
        (Get-ServerConfig $emulator).Count | Should -Be 3
    }

    It 'a create that worked but whose disable failed reports the id; the rerun only disables' {
        Add-ComposioEmulatorFault $emulator @{ method = 'PATCH'; path = $ConfigsPath; kind = 'status'; status = 400; times = 1 }
        $result = Sync-ComposioAuthConfig $file -Secret $Secrets -ErrorAction SilentlyContinue
        $result[2].Action | Should -Be 'Failed'
        $result[2].Id | Should -Match '^ac_'
        Clear-ComposioEmulatorRequest $emulator
        $rerun = Sync-ComposioAuthConfig $file -ErrorAction Stop
        $rerun[2].Action | Should -Be 'Disable'
        $rerun[2].Id | Should -Be $result[2].Id
        (Get-WriteRequest $emulator).method | Should -Be @('PATCH')
    }

    It 'a missing secret fails its entry before anything is sent for it; the other entries go on' {
        $result = Sync-ComposioAuthConfig $file -ErrorVariable failures -ErrorAction SilentlyContinue
        $result.Action | Should -Be @('Create', 'Failed', 'Create')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MissingSecret,*'
        $failures[0].Exception.Message | Should -Match "client_secret.*-Secret entry 'notion'"
        @(Get-CreateRequest $emulator).body.toolkit.slug | Should -Be @('github', 'slack')
    }

    It 'takes a secret from the environment variable a reference names' {
        $envFile = New-DesiredFile ($ThreeConfigs -replace "@\{ Secret = 'notion' \}", "@{ Secret = 'notion'; Env = 'COMPOSIO_SECRET_TEST_NOTION' }")
        $env:COMPOSIO_SECRET_TEST_NOTION = 'env-secret-value-0003'
        try { $result = Sync-ComposioAuthConfig $envFile -ErrorAction Stop }
        finally { Remove-Item env:COMPOSIO_SECRET_TEST_NOTION }
        $result[1].Action | Should -Be 'Create'
        (Get-CreateRequest $emulator)[1].body.auth_config.credentials.client_secret | Should -Be 'env-secret-value-0003'
    }

    It 'a -Secret entry wins over the environment variable' {
        $envFile = New-DesiredFile ($ThreeConfigs -replace "@\{ Secret = 'notion' \}", "@{ Secret = 'notion'; Env = 'COMPOSIO_SECRET_TEST_NOTION' }")
        $env:COMPOSIO_SECRET_TEST_NOTION = 'env-secret-value-0003'
        try { Sync-ComposioAuthConfig $envFile -Secret $Secrets -ErrorAction Stop | Out-Null }
        finally { Remove-Item env:COMPOSIO_SECRET_TEST_NOTION }
        (Get-CreateRequest $emulator)[1].body.auth_config.credentials.client_secret | Should -Be $NotionSecret
    }

    It 'refuses a -Secret value that is neither a SecureString nor a string, naming only the key' {
        { Sync-ComposioAuthConfig $file -Secret @{ notion = 12345678 } } | Should -Throw -ErrorId 'InvalidSecretValue,*'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'Sync-ComposioAuthConfig: secrets never show' {
    BeforeAll {
        Reset-ComposioEmulator $emulator
        $canaryTable = 'sync_LEAK_CANARY_from_table_7001'
        $canaryEnv = 'sync_LEAK_CANARY_from_env_7002'
        $canaryRotated = 'sync_LEAK_CANARY_rotated_7003'
        $leakFile = New-DesiredFile @'
@{
    AuthConfigs = @(
        @{ Toolkit = 'notion'; Name = 'leak-notion'; Type = 'Custom'; AuthScheme = 'OAUTH2'
           Credentials = @{ client_id = 'leak-client-id'; client_secret = @{ Secret = 'notion' } } }
        @{ Toolkit = 'twitter'; Name = 'leak-twitter'; Type = 'Custom'; AuthScheme = 'OAUTH2'
           Credentials = @{ client_id = 'tw-id'; client_secret = @{ Secret = 'notion' }; generic_id = @{ Env = 'COMPOSIO_SECRET_TEST_TW_BEARER' } } }
    )
}
'@
    }

    It 'keeps -Secret and environment values out of every stream, result, WhatIf text, transcript and export' {
        $env:COMPOSIO_SECRET_TEST_TW_BEARER = $canaryEnv
        $transcript = Join-Path $TestDrive 'leak.txt'
        $exported = Join-Path $TestDrive 'leak-export.psd1'
        $Error.Clear()
        Start-Transcript -Path $transcript -Force | Out-Null
        try {
            $all = & {
                Sync-ComposioAuthConfig $leakFile -Secret @{ notion = (ConvertTo-Secure $canaryTable) } -WhatIf -Verbose -Debug
                Sync-ComposioAuthConfig $leakFile -Secret @{ notion = (ConvertTo-Secure $canaryTable) } -Verbose -Debug
                Sync-ComposioAuthConfig $leakFile -Secret @{ notion = $canaryRotated } -UpdateSecrets -Verbose -Debug | Format-List * | Out-String
                Export-ComposioAuthConfig -Path $exported -Verbose -Debug
            } *>&1 | ForEach-Object { if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.ToString(); "$($_.ErrorDetails)" } else { $_ | Format-List * | Out-String } }
        }
        finally {
            Stop-Transcript | Out-Null
            Remove-Item env:COMPOSIO_SECRET_TEST_TW_BEARER
        }
        $text = ($all -join "`n") + (($Error | ForEach-Object { $_.ToString() }) -join "`n") + (Get-Content $transcript -Raw) + (Get-Content $exported -Raw)
        $text | Should -Match 'What if'
        $text | Should -Match 'Credentials.client_secret'
        $text | Should -Match 'HTTP POST'
        foreach ($canary in $canaryTable, $canaryEnv, $canaryRotated) { $text | Should -Not -Match $canary }
        # They did reach the server, where they belong.
        (Get-CreateRequest $emulator)[1].body_text | Should -Match $canaryEnv
        (Get-WriteRequest $emulator | Where-Object method -eq 'PATCH')[0].body_text | Should -Match $canaryRotated
    }
}
