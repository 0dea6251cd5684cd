BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    $emulator = Start-TestEmulator
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Get-ComposioToolkit' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
    }

    Context 'by slug' {
        It 'retrieves case-insensitively, asking for the lowercase slug' {
            $toolkit = Get-ComposioToolkit NOTION
            $toolkit.Slug | Should -Be 'notion'
            $toolkit.Name | Should -Be 'Notion'
            (Get-ApiRequest $emulator).path | Should -Be '/api/v3.1/toolkits/notion'
        }

        It 'returns typed schemes and fields' {
            $toolkit = Get-ComposioToolkit -Slug notion
            $toolkit.GetType().FullName | Should -Be 'Composio.Toolkit'
            $oauth = $toolkit.AuthConfigDetails | Where-Object AuthScheme -eq 'OAUTH2'
            $oauth.GetType().FullName | Should -Be 'Composio.AuthSchemeDetail'
            $oauth.IsComposioManaged | Should -BeTrue
            $fields = $oauth.AuthConfigCreationFields
            $fields[0].GetType().FullName | Should -Be 'Composio.AuthConfigField'
            $fields[0].Name | Should -Be 'client_id'
            $fields[0].Required | Should -BeTrue
            ($fields | Where-Object Name -eq 'client_secret').IsSecret | Should -BeTrue
            ($fields | Where-Object Name -eq 'scopes').Required | Should -BeFalse
            ($toolkit.AuthConfigDetails | Where-Object AuthScheme -eq 'API_KEY').ConnectedAccountInitiationFields.Name | Should -Be 'generic_api_key'
        }

        It 'reports an unknown slug as a non-terminating ObjectNotFound and goes on' {
            $got = 'github', 'nosuchtoolkit', 'slack' | Get-ComposioToolkit -ErrorVariable failures -ErrorAction SilentlyContinue
            $got.Slug | Should -Be @('github', 'slack')
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'ComposioNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].TargetObject | Should -Be 'nosuchtoolkit'
        }

        It 'refuses a malformed slug without sending it' {
            Get-ComposioToolkit -Slug '../auth_configs' -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidToolkitSlug,*'
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }

        It 'takes the toolkits of piped auth configs, each toolkit once' {
            New-ManagedConfig $emulator github 'a' | Out-Null
            New-ManagedConfig $emulator github 'b' | Out-Null
            New-CustomConfig $emulator notion 'c' | Out-Null
            $got = Get-ComposioAuthConfig | Get-ComposioToolkit
            $got.Slug | Should -Be @('github', 'notion')
        }

        It 'keeps what it fetched in the toolkit cache' {
            Get-ComposioToolkit slack | Out-Null
            Get-ChildItem $env:COMPOSIO_CACHE_DIR -Recurse -Filter 'slack.json' | Should -Not -BeNullOrEmpty
        }
    }

    Context 'listing' {
        It 'lists every toolkit as typed objects without details' {
            $all = @(Get-ComposioToolkit)
            $all.Count | Should -BeGreaterThan 10
            $all.Slug | Should -Contain 'github'
            $all[0].GetType().FullName | Should -Be 'Composio.Toolkit'
        }

        It 'filters by category' {
            $got = @(Get-ComposioToolkit -Category productivity)
            $got.Slug | Should -Contain 'notion'
            $got.Slug | Should -Not -Contain 'github'
            (Get-ApiRequest $emulator)[0].query | Should -Match 'category=productivity'
        }

        It 'filters by who manages the auth' {
            $got = @(Get-ComposioToolkit -ManagedBy composio)
            (Get-ApiRequest $emulator)[0].query | Should -Match 'managed_by=composio'
            $got | ForEach-Object { $_.ComposioManagedAuthSchemes.Count | Should -BeGreaterThan 0 }
        }

        It 'refuses an unknown -ManagedBy' {
            { Get-ComposioToolkit -ManagedBy nobody } | Should -Throw -ErrorId 'ParameterArgumentValidationError,*'
        }

        It 'searches' {
            (Get-ComposioToolkit -Search 'notio').Slug | Should -Contain 'notion'
            (Get-ApiRequest $emulator)[0].query | Should -Match 'search=notio'
        }

        It 'refuses a search under three characters before sending' {
            { Get-ComposioToolkit -Search 'ab' } | Should -Throw -ErrorId 'SearchTooShort,*'
            Get-ApiRequest $emulator | Should -BeNullOrEmpty
        }
    }

    Context 'completion' {
        It 'completes -Category from the categories, name as tooltip, fetched once' {
            $line = 'Get-ComposioToolkit -Category prod'
            $first = (TabExpansion2 $line $line.Length).CompletionMatches
            $first.CompletionText | Should -Be @('productivity')
            $first[0].ToolTip | Should -Be 'Productivity & Project Management'
            $line = 'Get-ComposioToolkit -Category '
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain 'crm'
            @((Get-ApiRequest $emulator) | Where-Object path -like '*/toolkits/categories').Count | Should -BeLessOrEqual 1
        }

        It 'completes -Slug and -Toolkit with toolkit slugs' {
            $line = 'Get-ComposioToolkit no'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('notion')
            $line = 'Get-ComposioAuthConfig -Toolkit git'
            (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Be @('github')
        }
    }

    Context 'views on an 80-column terminal' {
        It 'renders <Name> in table and list form within 80 columns' -ForEach @(
            @{ Name = 'toolkits'; Get = { Get-ComposioToolkit } }
            @{ Name = 'auth schemes'; Get = { (Get-ComposioToolkit googlesheets, notion, outlook).AuthConfigDetails } }
            @{ Name = 'categories'; Get = {
                    # No cmdlet outputs categories yet; make some from the client's own assembly.
                    $type = (Get-ComposioToolkit notion).GetType().Assembly.GetType('Composio.ToolkitCategory')
                    foreach ($pair in @(@('productivity', 'Productivity & Project Management'), @('crm', 'CRM'))) {
                        $category = [Activator]::CreateInstance($type); $category.Id = $pair[0]; $category.Name = $pair[1]; $category
                    }
                } }
            @{ Name = 'the connection'; Get = { Connect-TestEmulator $emulator } }
        ) {
            $objects = & $Get
            foreach ($format in 'Format-Table', 'Format-List') {
                $text = $objects | & $format | Out-String -Width 80
                $text.Trim() | Should -Not -BeNullOrEmpty
                $text -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
            }
            # The table uses our view (not the default of every property).
            ($objects | Format-Table | Out-String -Width 80) | Should -Not -Match 'AuthConfigDetails'
        }
    }

    Context 'with Get-ComposioAuthConfigField' {
        It 'pipes a toolkit into Get-ComposioAuthConfigField -AuthScheme OAUTH2' {
            if (-not (Get-Command Get-ComposioAuthConfigField -ErrorAction SilentlyContinue)) {
                Set-ItResult -Skipped -Because 'Get-ComposioAuthConfigField comes from the mission branch'
                return
            }
            $fields = Get-ComposioToolkit notion | Get-ComposioAuthConfigField -AuthScheme OAUTH2
            $fields.Name | Should -Contain 'client_id'
            $fields.Name | Should -Contain 'client_secret'
        }
    }
}

Describe 'The -Toolkit parameter' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'binds the same way on <Command>: transformed, checked and completed alike' -ForEach @(
        @{ Command = 'Get-ComposioToolkit' }
        @{ Command = 'Get-ComposioToolkitScope' }
        @{ Command = 'Get-ComposioAuthConfigField' }
        @{ Command = 'Get-ComposioAuthConfig' }
        @{ Command = 'New-ComposioAuthConfig' }
        @{ Command = 'Export-ComposioAuthConfig' }
    ) {
        $parameter = (Get-Command $Command).Parameters.Values | Where-Object { $_.Name -eq 'Toolkit' -or $_.Aliases -contains 'Toolkit' }
        $parameter | Should -HaveCount 1
        $kinds = $parameter.Attributes | ForEach-Object { $_.GetType().Name }
        $kinds | Should -Contain 'ToolkitSlugTransformationAttribute'
        $kinds | Should -Contain 'ValidateNotNullOrEmptyAttribute'
        ($parameter.Attributes | Where-Object { $_ -is [ArgumentCompleter] }).Type.Name | Should -Be 'ToolkitSlugCompleter'
    }

    It 'takes an AuthConfig given as -Toolkit as its toolkit, not its id, on every command' {
        $config = New-ComposioAuthConfig github -Name 'bound-by-toolkit'
        $null = New-ComposioAuthConfig gmail
        (Get-ComposioToolkit -Toolkit $config).Slug | Should -Be 'github'
        (Get-ComposioToolkitScope -Toolkit $config).Toolkit | Should -Be 'github'
        @(Get-ComposioAuthConfigField -Toolkit $config -ErrorAction Stop).Count | Should -BeGreaterThan 0
        (Get-ComposioAuthConfig -Toolkit $config).Id | Should -Be $config.Id
        $file = Join-Path $TestDrive 'by-toolkit.psd1'
        Export-ComposioAuthConfig -Path $file -Toolkit $config
        (Import-PowerShellDataFile $file).AuthConfigs.Toolkit | Should -Be 'github'
    }
}

Describe 'Where the toolkit cache lives' -Skip:(-not $IsLinux) {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'UserHome.ps1')
        $cacheEmulator = Start-ComposioEmulator
        $userHome = New-TestUserHome 'cache location'
        $run = "Import-Module '$ModuleManifest'; Connect-Composio -SkipCheck; Get-ComposioToolkit -Slug github | Out-Null"
    }
    AfterAll {
        if ($cacheEmulator) { $cacheEmulator | Stop-ComposioEmulator }
        Remove-Item -LiteralPath $userHome -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is <Where> when <When>' -ForEach @(
        @{ When = 'XDG_CACHE_HOME is set'; Where = '$XDG_CACHE_HOME/composio/toolkits'; Xdg = 'xdg cache'; Dir = $null; Expected = 'xdg cache/composio/toolkits' }
        @{ When = 'XDG_CACHE_HOME is not set'; Where = '~/.cache/composio/toolkits'; Xdg = ''; Dir = $null; Expected = '.cache/composio/toolkits' }
        @{ When = 'COMPOSIO_CACHE_DIR is set, whatever XDG says'; Where = 'COMPOSIO_CACHE_DIR'; Xdg = 'xdg cache'; Dir = 'explicit cache'; Expected = 'explicit cache' }
    ) {
        $environment = Get-EmulatorEnvironment $cacheEmulator
        $environment.XDG_CACHE_HOME = if ($Xdg) { Join-Path $userHome $Xdg } else { '' }
        if ($Dir) { $environment.COMPOSIO_CACHE_DIR = Join-Path $userHome $Dir }
        # The 0.1 folder exists and is left alone, unread.
        $old = New-Item -ItemType Directory -Force (Join-Path $userHome '.local/share/Composio/cache/toolkits')
        Invoke-UserPwsh $userHome $run -Environment $environment | Out-Null
        $expectedDir = Join-Path $userHome $Expected
        @(Get-ChildItem -LiteralPath $expectedDir -Recurse -File).Count | Should -BeGreaterThan 0
        @(Get-ChildItem -LiteralPath $old -Recurse -File).Count | Should -Be 0
        Remove-Item -LiteralPath $expectedDir -Recurse -Force
    }
}
